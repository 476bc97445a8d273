using System.Collections.Immutable;
using System.Globalization;
using AdrPlatform.Domain;
using AdrPlatform.Errors;
using AdrPlatform.Model;
using Google.Protobuf.WellKnownTypes;
using Proto = AdrPlatform.Contracts.Adr.V1;

namespace AdrPlatform.Gateway.Services;

/// <summary>Translates between the wire contract and the domain model, validating enums and dates on the way in.</summary>
public static class AdrMapping
{
    public static Proto.Adr ToProto(AdrRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var adr = new Proto.Adr
        {
            Id = AdrId.Format(record.Number),
            Number = record.Number,
            Title = record.Content.Title,
            Body = record.Content.Body,
            Status = (Proto.AdrStatus)record.Status,
            StatusNote = record.StatusNote ?? string.Empty,
            DecisionDate = FormatDate(record.Content.DecisionDate),
            Version = record.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(record.CreatedAt),
            CreatedBy = record.CreatedBy,
            UpdatedAt = Timestamp.FromDateTimeOffset(record.UpdatedAt),
            UpdatedBy = record.UpdatedBy,
            Deleted = record.IsDeleted,
        };
        adr.Tags.AddRange(record.Content.Tags);
        adr.Deciders.AddRange(record.Content.Deciders);
        adr.Links.AddRange(record.Links.Select(link => LinkAsSeenFrom(record.Number, link)));
        return adr;
    }

    public static Proto.AdrVersion ToProto(AdrVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var proto = new Proto.AdrVersion
        {
            Id = AdrId.Format(version.Number),
            Version = version.Version,
            Title = version.Content.Title,
            Body = version.Content.Body,
            Status = (Proto.AdrStatus)version.Status,
            StatusNote = version.StatusNote ?? string.Empty,
            DecisionDate = FormatDate(version.Content.DecisionDate),
            Change = (Proto.ChangeKind)version.Change,
            Author = version.Author,
            At = Timestamp.FromDateTimeOffset(version.At),
            Note = version.Note ?? string.Empty,
        };
        proto.Tags.AddRange(version.Content.Tags);
        proto.Deciders.AddRange(version.Content.Deciders);
        return proto;
    }

    public static AdrStatus Status(Proto.AdrStatus status) =>
        status != Proto.AdrStatus.Unspecified && System.Enum.IsDefined(status)
            ? (AdrStatus)status
            : throw AdrPlatformException.Invalid("Unknown status; use PROPOSED, ACCEPTED, REJECTED, DEPRECATED or SUPERSEDED.");

    public static AdrTemplate Template(Proto.AdrTemplate template) => template switch
    {
        Proto.AdrTemplate.Unspecified or Proto.AdrTemplate.Madr => AdrTemplate.Madr,
        Proto.AdrTemplate.Nygard => AdrTemplate.Nygard,
        _ => throw AdrPlatformException.Invalid("Unknown template; use MADR or NYGARD."),
    };

    /// <summary>A link type as the client names it, as (canonical type, whether the current ADR is the target).</summary>
    public static (LinkType Type, bool Inverse) Link(Proto.LinkType type) => type switch
    {
        Proto.LinkType.Supersedes => (LinkType.Supersedes, false),
        Proto.LinkType.SupersededBy => (LinkType.Supersedes, true),
        Proto.LinkType.Amends => (LinkType.Amends, false),
        Proto.LinkType.AmendedBy => (LinkType.Amends, true),
        Proto.LinkType.RelatesTo => (LinkType.RelatesTo, false),
        _ => throw AdrPlatformException.Invalid("Unknown link type; use SUPERSEDES, SUPERSEDED_BY, AMENDS, AMENDED_BY or RELATES_TO."),
    };

    public static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw AdrPlatformException.Invalid($"\"{LogText.Escape(text, 20)}\" is not a date; use YYYY-MM-DD.");
    }

    public static ImmutableArray<int> Ids(IEnumerable<string> ids) => [.. ids.Select(AdrId.Parse)];

    private static string FormatDate(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static Proto.AdrLink LinkAsSeenFrom(int number, AdrLink link)
    {
        var outgoing = link.From == number;
        var type = (link.Type, outgoing) switch
        {
            (LinkType.Supersedes, true) => Proto.LinkType.Supersedes,
            (LinkType.Supersedes, false) => Proto.LinkType.SupersededBy,
            (LinkType.Amends, true) => Proto.LinkType.Amends,
            (LinkType.Amends, false) => Proto.LinkType.AmendedBy,
            _ => Proto.LinkType.RelatesTo,
        };
        return new Proto.AdrLink { Type = type, TargetId = AdrId.Format(outgoing ? link.To : link.From) };
    }
}
