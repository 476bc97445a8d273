using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AdrPlatform.Domain.Markdown;

/// <summary>Hands events already read (and bounded) by <see cref="BoundedYamlEvents"/> to YamlDotNet's representation model.</summary>
internal sealed class YamlEventReplay(IReadOnlyList<ParsingEvent> events) : IParser
{
    private int next;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        Current = next < events.Count ? events[next++] : null;
        return Current is not null;
    }
}
