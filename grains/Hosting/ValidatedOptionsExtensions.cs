using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Hosting;

/// <summary>How every settings class of the platform is read: bound from its section and checked before the host starts.</summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>Binds <typeparamref name="T"/> from <paramref name="section"/> (defaults without a configuration) and fails the host's start on a bad value.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section, IConfiguration? configuration)
        where T : class
    {
        var builder = services.AddOptions<T>();
        if (configuration is not null)
        {
            builder.Bind(configuration.GetSection(section));
        }

        services.AddSingleton<IValidateOptions<T>>(new SectionValidation<T>(section));
        return builder.ValidateOnStart();
    }

    /// <summary>For settings needed while the host is being composed (ports, which storage): read and checked at once.</summary>
    public static T GetValidated<T>(this IConfiguration configuration, string section)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var problems = SettingsValidator.Problems(options, section);
        return problems.Count == 0 ? options : throw new OptionsValidationException(section, typeof(T), problems);
    }

    private sealed class SectionValidation<T>(string section) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = SettingsValidator.Problems(options, section);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
