using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MfaEnforcement.HelpBuilder;

/// <summary>
/// Reads a command's <c>Verb-Noun.md</c> help file (platyPS's layout) into a <see cref="CommandHelp"/>, and
/// checks it: a synopsis, a description, at least two examples with code, and a described parameter with a
/// <c>```yaml</c> block for every <c>### -Name</c>.
/// </summary>
internal sealed class CommandHelpReader
{
    private const int MinimumExamples = 2;

    private static readonly string[] s_sections =
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    // The text platyPS puts where a writer has yet to write, such as "{{ Fill in the Synopsis }}".
    private static readonly Regex s_placeholder =
        new(@"\{\{ *(Fill|Add) [^}]*\}\}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly HelpDocument _document;
    private readonly string _name;
    private readonly ICollection<HelpError> _errors;

    private CommandHelpReader(HelpDocument document, ICollection<HelpError> errors)
    {
        _document = document;
        _name = Path.GetFileNameWithoutExtension(document.File);
        _errors = errors;
    }

    /// <summary>
    /// Reads one command file; returns null when it has problems, each of them added to <paramref name="errors"/>.
    /// </summary>
    public static CommandHelp? Read(string path, ICollection<HelpError> errors)
    {
        int before = errors.Count;
        var reader = new CommandHelpReader(HelpDocument.Load(path, errors), errors);
        CommandHelp help = reader.Read();
        return errors.Count > before ? null : help;
    }

    private CommandHelp Read()
    {
        CheckTitleAndSections();
        string synopsis = string.Join(" ", ReadRequiredText("SYNOPSIS", "one sentence that says what it does"));
        List<string> description = ReadRequiredText("DESCRIPTION", "what the command does, for whom and how");
        List<string> sets = ReadParameterSets();
        List<ParameterHelp> parameters = ReadParameters(sets);
        List<ExampleHelp> examples = ReadExamples();
        List<TypeHelp> inputs = ReadTypes("INPUTS");
        List<TypeHelp> outputs = ReadTypes("OUTPUTS");
        List<string> notes = PlainText.Paragraphs(Blocks(_document.Find("NOTES")));
        List<LinkHelp> links = ReadLinks();
        return new CommandHelp(
            _name, synopsis, description, sets, parameters, inputs, outputs, notes, examples, links);
    }

    private void CheckTitleAndSections()
    {
        if (_document.Title != _name)
        {
            string found = _document.Title is null
                ? "the file has no level-1 heading"
                : "the title is '" + _document.Title + "'";
            Error(_document.TitleLine, "# " + _name, found + "; write '# " + _name
                + "', the command's name as the file is named.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (HelpSection section in _document.Sections)
        {
            if (!s_sections.Contains(section.Title, StringComparer.OrdinalIgnoreCase))
            {
                Error(section.Heading, "## " + section.Title, "is not a help section; use "
                    + string.Join(", ", s_sections.Select(s => "## " + s)) + ".");
            }
            else if (!seen.Add(section.Title))
            {
                Error(section.Heading, "## " + section.Title, "appears twice; merge the two.");
            }
        }
    }

    private List<string> ReadRequiredText(string title, string what)
    {
        HelpSection? section = _document.Find(title);
        if (section is null)
        {
            Error(_document.TitleLine, "## " + title, "is missing; add it with " + what + ".");
            return new List<string>();
        }

        List<string> paragraphs = PlainText.Paragraphs(section.Blocks.Select(b => b.Block));
        if (IsMissing(paragraphs))
        {
            Error(section.Heading, "## " + title, "is empty; write " + what + ".");
        }

        return paragraphs;
    }

    private List<string> ReadParameterSets()
    {
        var sets = new List<string>();
        HelpSection? section = _document.Find("SYNTAX");
        foreach (HelpSection set in section?.Subsections(out _) ?? new List<HelpSection>())
        {
            // platyPS marks the default set "Name (Default)" and a command without sets "__AllParameterSets".
            string name = set.Title.EndsWith(" (Default)", StringComparison.Ordinal)
                ? set.Title[..^" (Default)".Length].Trim()
                : set.Title;
            if (name == "__AllParameterSets")
            {
                continue;
            }

            if (sets.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                Error(set.Heading, "## SYNTAX / ### " + set.Title, "names a parameter set twice.");
                continue;
            }

            sets.Add(name);
        }

        return sets;
    }

    private List<ParameterHelp> ReadParameters(List<string> sets)
    {
        var parameters = new List<ParameterHelp>();
        HelpSection? section = _document.Find("PARAMETERS");
        foreach (HelpSection item in section?.Subsections(out _) ?? new List<HelpSection>())
        {
            string where = "## PARAMETERS / ### " + item.Title;
            if (string.Equals(item.Title, "CommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (item.Title.Length < 2 || item.Title[0] != '-' || item.Title.Contains(' '))
            {
                Error(item.Heading, where, "is not a parameter heading; write the name after a hyphen: ### -Name.");
                continue;
            }

            string name = item.Title[1..];
            if (parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                Error(item.Heading, where, "describes the parameter a second time; keep one.");
                continue;
            }

            List<SourceBlock> yaml = item.Blocks.Where(b => IsFence(b.Block, "yaml")).ToList();
            List<string> description = PlainText.Paragraphs(
                item.Blocks.Where(b => !IsFence(b.Block, "yaml")).Select(b => b.Block));
            if (IsMissing(description))
            {
                Error(item.Heading, where, "has no description; say what the parameter selects or changes.");
            }

            if (yaml.Count == 0)
            {
                Error(item.Heading, where, "has no ```yaml block; add one with Type, Parameter Sets, Aliases, "
                    + "Required, Position, Default value, Accept pipeline input and Accept wildcard characters.");
            }

            var usages = new List<ParameterUsage>();
            foreach (SourceBlock block in yaml)
            {
                ParameterUsage? usage = ReadUsage(block, where, sets);
                if (usage is not null)
                {
                    usages.Add(usage);
                }
            }

            parameters.Add(new ParameterHelp(name, description, usages));
        }

        return parameters;
    }

    private ParameterUsage? ReadUsage(SourceBlock block, string where, List<string> sets)
    {
        var problems = new List<string>();
        ParameterUsage? usage = ParameterMetadataReader.Read(PlainText.Code((LeafBlock)block.Block), problems);
        foreach (string set in usage?.Sets ?? Array.Empty<string>())
        {
            if (sets.Count > 0 && !sets.Contains(set, StringComparer.Ordinal))
            {
                problems.Add("'Parameter Sets:' names '" + set + "', which ## SYNTAX does not have; it has "
                    + string.Join(", ", sets) + ".");
            }
        }

        foreach (string problem in problems)
        {
            Error(block, where, problem);
        }

        return problems.Count == 0 ? usage : null;
    }

    private List<ExampleHelp> ReadExamples()
    {
        var examples = new List<ExampleHelp>();
        HelpSection? section = _document.Find("EXAMPLES");
        if (section is null)
        {
            Error(_document.TitleLine, "## EXAMPLES", "is missing; add at least " + MinimumExamples
                + " examples, each '### Example N: title', a ```powershell block and what it does.");
            return examples;
        }

        List<HelpSection> items = section.Subsections(out _);
        foreach (HelpSection item in items)
        {
            string where = "## EXAMPLES / ### " + item.Title;
            List<SourceBlock> fences = item.Blocks.Where(b => b.Block is FencedCodeBlock).ToList();
            if (fences.Count == 0)
            {
                Error(item.Heading, where, "has no ```powershell code block; add the command the example runs.");
                continue;
            }

            SourceBlock code = fences[0];
            string text = PlainText.Code((LeafBlock)code.Block);
            if (text.Length == 0 || s_placeholder.IsMatch(text))
            {
                Error(code, where, "the code block is empty; write the command the example runs.");
            }

            // Whatever follows the code (text, sample output) is the remarks.
            List<string> remarks = PlainText.Paragraphs(
                item.Blocks.Where(b => b.Block != code.Block).Select(b => b.Block));
            if (remarks.Any(r => s_placeholder.IsMatch(r)))
            {
                Error(item.Heading, where, "still has platyPS's placeholder; say what the example does.");
            }

            examples.Add(new ExampleHelp(item.Title, text, remarks));
        }

        if (items.Count < MinimumExamples)
        {
            Error(section.Heading, "## EXAMPLES", "has " + items.Count + " example(s); write at least "
                + MinimumExamples + ", each '### Example N: title', a ```powershell block and what it does.");
        }

        return examples;
    }

    private List<TypeHelp> ReadTypes(string title)
    {
        HelpSection? section = _document.Find(title);
        return (section?.Subsections(out _) ?? new List<HelpSection>())
            .Select(t => new TypeHelp(t.Title, PlainText.Paragraphs(t.Blocks.Select(b => b.Block))))
            .ToList();
    }

    private List<LinkHelp> ReadLinks()
    {
        var links = new List<LinkHelp>();
        foreach (Block block in Blocks(_document.Find("RELATED LINKS")))
        {
            IEnumerable<ParagraphBlock> paragraphs = block is ParagraphBlock paragraph
                ? new[] { paragraph }
                : block.Descendants<ParagraphBlock>();
            foreach (ParagraphBlock item in paragraphs)
            {
                List<LinkInline> found = item.Inline?.Descendants<LinkInline>().Where(l => !l.IsImage).ToList()
                    ?? new List<LinkInline>();
                if (found.Count == 0)
                {
                    links.Add(new LinkHelp(PlainText.Inline(item.Inline).Trim(), string.Empty));
                    continue;
                }

                links.AddRange(found.Select(l => new LinkHelp(
                    LinkText(l), PlainText.IsWebAddress(l.Url) ? l.Url! : string.Empty)));
            }
        }

        return links;
    }

    private static string LinkText(LinkInline link)
    {
        // A link is a container of its text's inlines; reading it as one gives the text without the address.
        string text = PlainText.Inline(link).Trim();
        return text.Length == 0 ? link.Url ?? string.Empty : text;
    }

    private static IEnumerable<Block> Blocks(HelpSection? section) =>
        section?.Blocks.Select(b => b.Block) ?? Enumerable.Empty<Block>();

    private static bool IsFence(Block block, string language) =>
        block is FencedCodeBlock fence && string.Equals(fence.Info, language, StringComparison.OrdinalIgnoreCase);

    private static bool IsMissing(List<string> paragraphs) =>
        paragraphs.All(string.IsNullOrWhiteSpace) || paragraphs.Any(p => s_placeholder.IsMatch(p));

    private void Error(SourceBlock at, string section, string message)
    {
        string label = at.File == _document.File
            ? section
            : section + " (included by " + Path.GetFileName(_document.File) + ")";
        _errors.Add(new HelpError(at.File, at.Line, label, message));
    }

    private void Error(int line, string section, string message) =>
        _errors.Add(new HelpError(_document.File, line, section, message));
}
