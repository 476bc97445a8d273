using System.Reflection;
using AdrPlatform.Integration.Tests.Infrastructure;

namespace AdrPlatform.Integration.Tests.Configuration;

/// <summary>The README documents exactly the settings that exist, with their defaults.</summary>
public class ConfigurationTableTests
{
    [Fact]
    public void The_readme_table_is_the_one_the_settings_classes_define()
    {
        var expected = ConfigurationTable.Lines();
        var readme = File.ReadAllLines(Path.Combine(SiloProcess.RepositoryRoot(), "README.md"));
        var section = Array.IndexOf(readme, "## Configuration");
        Assert.True(section >= 0, "README.md has no '## Configuration' section.");
        var start = Array.IndexOf(readme, ConfigurationTable.Header, section);
        Assert.True(start >= 0, $"README.md's configuration section has no table starting '{ConfigurationTable.Header}'.");
        var documented = readme.Skip(start).TakeWhile(line => line.StartsWith('|')).ToList();

        Assert.True(
            expected.SequenceEqual(documented),
            "README.md's configuration table differs from the settings classes. Missing or changed:\n"
                + string.Join('\n', expected.Except(documented))
                + "\nNot a setting (or changed):\n" + string.Join('\n', documented.Except(expected))
                + "\n\nThe table as it should read:\n" + string.Join('\n', expected));
    }

    [Fact]
    public void Every_settings_class_with_a_section_is_in_the_table()
    {
        var assemblies = ConfigurationTable.OptionsTypes.Select(t => t.Assembly)
            .SelectMany(a => a.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("AdrPlatform", StringComparison.Ordinal)).Select(Assembly.Load).Append(a))
            .Distinct();
        var withSection = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

        Assert.Empty(withSection.Except(ConfigurationTable.OptionsTypes));
    }

    [Fact]
    public void No_setting_is_listed_twice()
    {
        var keys = ConfigurationTable.Lines().Skip(2).Select(line => line.Split('|')[1]).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
    }
}
