using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>
/// Bytes no client library would send, posted raw over HTTP/2 (gRPC) and HTTP/1.1 (gRPC-Web): each gets its
/// gRPC status with a readable message and exactly one log line, without a stack trace.
/// </summary>
public class MalformedRequestTests(InformationLogsGatewayHost host) : IClassFixture<InformationLogsGatewayHost>
{
    private const string CreateAdr = "/adrplatform.adr.v1.AdrService/CreateAdr";

    public static TheoryData<Transport> Transports => [Transport.Grpc, Transport.GrpcWeb];

    [Theory]
    [MemberData(nameof(Transports))]
    public Task Invalid_utf8_in_a_string_field_is_invalid_argument(Transport transport) =>
        AssertRefused(transport, Frame(0, [0x0A, 0x02, 0xC3, 0x28]), StatusCode.InvalidArgument, "not a valid CreateAdrRequest message");

    [Theory]
    [MemberData(nameof(Transports))]
    public Task Garbage_bytes_are_invalid_argument(Transport transport) =>
        AssertRefused(transport, Frame(0, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]), StatusCode.InvalidArgument, "not a valid CreateAdrRequest message");

    [Theory]
    [MemberData(nameof(Transports))]
    public Task A_length_prefix_beyond_2_GiB_is_resource_exhausted(Transport transport) =>
        AssertRefused(transport, Header(0, uint.MaxValue), StatusCode.ResourceExhausted, "4,294,967,295 bytes");

    [Theory]
    [MemberData(nameof(Transports))]
    public Task A_length_prefix_beyond_the_limit_is_resource_exhausted(Transport transport) =>
        AssertRefused(transport, Header(0, int.MaxValue), StatusCode.ResourceExhausted, "at most");

    [Theory]
    [MemberData(nameof(Transports))]
    public Task An_unknown_frame_flag_is_invalid_argument(Transport transport) =>
        AssertRefused(transport, Frame(7, [0x0A, 0x01, 0x41]), StatusCode.InvalidArgument, "compressed flag");

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_well_formed_raw_request_still_succeeds(Transport transport)
    {
        var (code, message) = await PostAsync(transport, Frame(0, [0x0A, 0x05, .. "Valid"u8, 0x1A, 0x01, (byte)'x']));
        Assert.True(code == StatusCode.OK, message);
    }

    private async Task AssertRefused(Transport transport, byte[] body, StatusCode expected, string expectedText)
    {
        var logged = host.Logs.Entries.Count;
        var (code, message) = await PostAsync(transport, body);
        Assert.Equal(expected, code);
        Assert.Contains(expectedText, message, StringComparison.Ordinal);

        var written = host.Logs.Entries.Skip(logged).ToList();
        var refusal = Assert.Single(written, entry => entry.Message.Contains("malformed", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(CreateAdr, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(written, entry => entry.Exception is not null || entry.Message.Contains("   at ", StringComparison.Ordinal));
    }

    private async Task<(StatusCode Code, string Message)> PostAsync(Transport transport, byte[] body)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, CreateAdr)
        {
            Content = new ByteArrayContent(body),
            Version = transport == Transport.Grpc ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(transport == Transport.Grpc ? "application/grpc" : "application/grpc-web");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Token(Rpc.Tenant(), "alice", "editor"));
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        using var response = await http.SendAsync(request);
        var content = await response.Content.ReadAsByteArrayAsync();
        var status = Header(response.Headers, "grpc-status") ?? Header(response.TrailingHeaders, "grpc-status") ?? WebTrailer(content, "grpc-status");
        var message = Header(response.Headers, "grpc-message") ?? Header(response.TrailingHeaders, "grpc-message") ?? WebTrailer(content, "grpc-message") ?? "";
        Assert.NotNull(status);
        return ((StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(message));
    }

    private static string? Header(HttpHeaders headers, string name) => headers.TryGetValues(name, out var values) ? values.First() : null;

    /// <summary>gRPC-Web sends trailers as a last frame, flagged 0x80, of "name: value" lines.</summary>
    private static string? WebTrailer(byte[] content, string name)
    {
        for (var at = 0; at + 5 <= content.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(at + 1));
            if (content[at] == 0x80)
            {
                return Encoding.ASCII.GetString(content, at + 5, length).Split("\r\n")
                    .Select(line => line.Split(':', 2))
                    .FirstOrDefault(pair => pair.Length == 2 && pair[0].Trim() == name)?[1].Trim();
            }

            at += 5 + length;
        }

        return null;
    }

    private static byte[] Frame(byte flag, byte[] payload) => [.. Header(flag, (uint)payload.Length), .. payload];

    private static byte[] Header(byte flag, uint length)
    {
        var header = new byte[5];
        header[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), length);
        return header;
    }
}
