using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace MfaEnforcement.HelpBuilder;

/// <summary>
/// Builds the module's external help: every <c>Verb-Noun.md</c> in the docs folder into one MAML file, and every
/// <c>about_*.md</c> into an <c>about_*.help.txt</c> beside it. Exits 1, naming file, line and section for each
/// problem, when a command's help is incomplete, so the build can use it as a check.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: MfaEnforcement.HelpBuilder <docs folder> <output xml path>\n"
        + "  e.g. dotnet run --project src/MfaEnforcement.HelpBuilder --"
        + " docs/en-US out/en-US/MfaEnforcement.dll-Help.xml";

    private static readonly Regex s_commandFile =
        new(@"^[A-Za-z]+-[A-Za-z0-9]+\.md$", RegexOptions.CultureInvariant);

    /// <summary>Runs the builder; 0 on success, 1 when the help has problems, 2 for wrong arguments.</summary>
    public static int Main(string[] args)
    {
        if (args.Length != 2 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine(args.Length == 2 ? "error: no folder '" + args[0] + "'." : Usage);
            return 2;
        }

        string docs = args[0];
        var errors = new List<HelpError>();
        List<string> files = Directory.GetFiles(docs, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToList();
        List<CommandHelp> commands = ReadCommands(files, errors);
        List<(string Name, string Text)> topics = ReadTopics(files, errors);
        foreach (string file in files.Where(f => !IsHelpSource(Path.GetFileName(f))))
        {
            Console.Error.WriteLine(
                "warning: skipped " + file + ": not a Verb-Noun.md command, about_*.md topic or _*.md snippet.");
        }

        if (errors.Count == 0 && commands.Count == 0)
        {
            errors.Add(new HelpError(docs, 1, "commands", "has no Verb-Noun.md command help file."));
        }

        if (errors.Count > 0)
        {
            foreach (HelpError error in errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line))
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine("Help not built: " + errors.Count + " problem(s) in " + docs + ".");
            return 1;
        }

        return Write(args[1], commands, topics);
    }

    private static List<CommandHelp> ReadCommands(List<string> files, List<HelpError> errors) =>
        files
            .Where(f => s_commandFile.IsMatch(Path.GetFileName(f)))
            .Select(f => CommandHelpReader.Read(f, errors))
            .OfType<CommandHelp>()
            .ToList();

    private static List<(string Name, string Text)> ReadTopics(List<string> files, List<HelpError> errors)
    {
        var topics = new List<(string Name, string Text)>();
        foreach (string file in files.Where(f => Path.GetFileName(f).StartsWith("about_", StringComparison.Ordinal)))
        {
            string? text = AboutTopicWriter.Convert(file, errors);
            if (text is not null)
            {
                topics.Add((Path.GetFileNameWithoutExtension(file), text));
            }
        }

        return topics;
    }

    private static bool IsHelpSource(string name) =>
        s_commandFile.IsMatch(name)
        || name.StartsWith("about_", StringComparison.Ordinal)
        || name.StartsWith('_');

    private static int Write(string output, List<CommandHelp> commands, List<(string Name, string Text)> topics)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(output)) ?? ".";
        try
        {
            Directory.CreateDirectory(folder);
            MamlWriter.Save(MamlWriter.Build(commands), output);
            foreach ((string name, string text) in topics)
            {
                File.WriteAllText(Path.Combine(folder, name + ".help.txt"), text, new UTF8Encoding(false));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: cannot write the help to '" + folder + "': " + e.Message);
            return 1;
        }

        // Quiet on success, like a compiler: the build script reports the step.
        return 0;
    }
}
