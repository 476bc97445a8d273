using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Adapters.Egress;

/// <summary>
/// Refuses to start a host whose settings open loopback to fetches (<see cref="EgressOptions.UnsafeAllowLoopbackForTests"/>)
/// unless its environment is Development or Testing. A host without an environment counts as Production.
/// </summary>
internal sealed class LoopbackAllowanceCheck(IHostEnvironment? environment = null) : IValidateOptions<EgressOptions>
{
    public const string TestingEnvironment = "Testing";

    public ValidateOptionsResult Validate(string? name, EgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environmentName = environment?.EnvironmentName ?? Environments.Production;
        var allowed = environmentName == Environments.Development || environmentName == TestingEnvironment;
        return !options.UnsafeAllowLoopbackForTests || allowed
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{EgressOptions.Section}:{nameof(EgressOptions.UnsafeAllowLoopbackForTests)} is for tests only: it may be set in the "
                + $"{Environments.Development} or {TestingEnvironment} environment, and this host runs in {environmentName}");
    }
}
