using AdrPlatform.Adapters.Documents;
using AdrPlatform.Adapters.Documents.Isolation;
using AdrPlatform.Domain.Documents;

// The parser process: reads untrusted documents sent by its silo over standard input, one at a time, and answers
// on standard output. It holds no secrets and touches nothing else; whatever a document does to it, the silo
// kills it and starts another. Standard output carries only replies: anything else a library prints goes to stderr.
var replies = Console.OpenStandardOutput();
Console.SetOut(Console.Error);
using var requests = Console.OpenStandardInput();

while (ParserProtocol.ReadRequest(requests) is (var request, var content))
{
    ParseReply reply;
    try
    {
        reply = ParseReply.Parsed(DocumentReader.WithAllParsers(request.Limits).Read(request.FileName, request.MediaType, content, CancellationToken.None));
    }
    catch (DocumentRejectedException rejected)
    {
        reply = ParseReply.Rejected(rejected.Message);
    }
    catch (OutOfMemoryException)
    {
        // The heap may be in no state for another document: say so and end.
        ParserProtocol.WriteReply(replies, ParseReply.MemoryExhausted);
        return 3;
    }

    ParserProtocol.WriteReply(replies, reply);
}

return 0;
