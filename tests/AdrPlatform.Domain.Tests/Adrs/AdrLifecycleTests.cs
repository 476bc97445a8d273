using AdrPlatform.Domain;
using AdrPlatform.Errors;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Tests.Adrs;

public class AdrLifecycleTests
{
    [Theory]
    [InlineData(AdrStatus.Proposed, AdrStatus.Accepted)]
    [InlineData(AdrStatus.Proposed, AdrStatus.Rejected)]
    [InlineData(AdrStatus.Accepted, AdrStatus.Deprecated)]
    [InlineData(AdrStatus.Accepted, AdrStatus.Superseded)]
    public void Allowed_transitions_pass(AdrStatus from, AdrStatus to) => AdrLifecycle.EnsureAllowed(from, to);

    [Theory]
    [InlineData(AdrStatus.Proposed, AdrStatus.Deprecated, "from proposed the ADR can become accepted or rejected")]
    [InlineData(AdrStatus.Proposed, AdrStatus.Superseded, "from proposed the ADR can become accepted or rejected")]
    [InlineData(AdrStatus.Accepted, AdrStatus.Proposed, "from accepted the ADR can become deprecated or superseded")]
    [InlineData(AdrStatus.Rejected, AdrStatus.Accepted, "rejected is final")]
    [InlineData(AdrStatus.Superseded, AdrStatus.Accepted, "superseded is final")]
    [InlineData(AdrStatus.Deprecated, AdrStatus.Deprecated, "deprecated is final")]
    public void Illegal_transitions_say_what_is_allowed(AdrStatus from, AdrStatus to, string expected)
    {
        var error = Assert.Throws<AdrPlatformException>(() => AdrLifecycle.EnsureAllowed(from, to));
        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_status_is_invalid_argument()
    {
        var error = Assert.Throws<AdrPlatformException>(() => AdrLifecycle.EnsureAllowed(AdrStatus.Proposed, (AdrStatus)42));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }
}
