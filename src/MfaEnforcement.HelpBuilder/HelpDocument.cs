using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace MfaEnforcement.HelpBuilder;

/// <summary>A Markdown block together with the file it was read from (a command file or an included snippet).</summary>
internal readonly record struct SourceBlock(Block Block, string File)
{
    /// <summary>The block's line, counted from 1.</summary>
    public int Line => Block.Line + 1;
}

/// <summary>
/// A heading and the blocks under it, up to the next heading of the same or a higher level.
/// </summary>
internal sealed class HelpSection
{
    private readonly List<SourceBlock> _blocks = new();

    private HelpSection(string title, SourceBlock heading)
    {
        Title = title;
        Heading = heading;
    }

    /// <summary>The heading's text, such as <c>SYNOPSIS</c> or <c>-UserName</c>.</summary>
    public string Title { get; }

    /// <summary>The heading block, which tells the file and line for error messages.</summary>
    public SourceBlock Heading { get; }

    /// <summary>The blocks between this heading and the next one of its level.</summary>
    public IReadOnlyList<SourceBlock> Blocks => _blocks;

    /// <summary>
    /// Splits blocks at every heading of the given level; blocks before the first such heading go to
    /// <paramref name="preamble"/>.
    /// </summary>
    public static List<HelpSection> Split(IEnumerable<SourceBlock> blocks, int level, out List<SourceBlock> preamble)
    {
        var sections = new List<HelpSection>();
        preamble = new List<SourceBlock>();
        foreach (SourceBlock block in blocks)
        {
            if (block.Block is HeadingBlock heading && heading.Level == level)
            {
                sections.Add(new HelpSection(PlainText.Inline(heading.Inline).Trim(), block));
            }
            else if (sections.Count == 0)
            {
                preamble.Add(block);
            }
            else
            {
                sections[^1]._blocks.Add(block);
            }
        }

        return sections;
    }

    /// <summary>The level-3 subsections of this section, and the blocks before the first of them.</summary>
    public List<HelpSection> Subsections(out List<SourceBlock> preamble) => Split(_blocks, 3, out preamble);
}

/// <summary>
/// A help Markdown file parsed into its title and level-2 sections, with includes expanded.
/// </summary>
/// <remarks>
/// A paragraph that is only <c>{{name}}</c> is replaced by the blocks of <c>_name.md</c> in the same folder, so
/// text shared by many commands (the AWS connection parameters) is written once. Snippets cannot include others.
/// </remarks>
internal sealed class HelpDocument
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static readonly Regex s_include =
        new(@"^\{\{([A-Za-z0-9][A-Za-z0-9-]*)\}\}$", RegexOptions.CultureInvariant);

    private HelpDocument(string file, HeadingBlock? title, List<HelpSection> sections)
    {
        File = file;
        Title = title is null ? null : PlainText.Inline(title.Inline).Trim();
        TitleLine = title is null ? 1 : title.Line + 1;
        Sections = sections;
    }

    /// <summary>The file, as the builder was given it.</summary>
    public string File { get; }

    /// <summary>The text of the level-1 heading, or null when the file has none.</summary>
    public string? Title { get; }

    /// <summary>The line of the level-1 heading (1 when there is none).</summary>
    public int TitleLine { get; }

    /// <summary>The level-2 sections in the order written.</summary>
    public IReadOnlyList<HelpSection> Sections { get; }

    /// <summary>Reads and parses a help file; problems with includes are added to <paramref name="errors"/>.</summary>
    public static HelpDocument Load(string path, ICollection<HelpError> errors)
    {
        var blocks = new List<SourceBlock>();
        foreach (Block block in Parse(path))
        {
            string? include = IncludeName(block);
            if (include is null)
            {
                blocks.Add(new SourceBlock(block, path));
                continue;
            }

            AddInclude(new SourceBlock(block, path), include, blocks, errors);
        }

        List<HelpSection> sections = HelpSection.Split(blocks, 2, out List<SourceBlock> preamble);
        HeadingBlock? title = preamble.Select(b => b.Block).OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        return new HelpDocument(path, title, sections);
    }

    /// <summary>The section with the given title (compared without regard to case), or null.</summary>
    public HelpSection? Find(string title) =>
        Sections.FirstOrDefault(s => string.Equals(s.Title, title, System.StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<Block> Parse(string path) =>
        Markdown.Parse(System.IO.File.ReadAllText(path), s_pipeline).Where(b => b is not YamlFrontMatterBlock);

    private static string? IncludeName(Block block)
    {
        if (block is not ParagraphBlock paragraph)
        {
            return null;
        }

        Match match = s_include.Match(PlainText.Inline(paragraph.Inline).Trim());
        return match.Success ? match.Groups[1].Value : null;
    }

    private static void AddInclude(
        SourceBlock directive, string name, List<SourceBlock> blocks, ICollection<HelpError> errors)
    {
        string folder = Path.GetDirectoryName(directive.File) ?? ".";
        string snippet = Path.Combine(folder, "_" + name + ".md");
        string where = "{{" + name + "}}";
        if (!System.IO.File.Exists(snippet))
        {
            errors.Add(new HelpError(directive.File, directive.Line, where,
                "includes _" + name + ".md, which is not in the same folder; create it or remove the line."));
            return;
        }

        foreach (Block block in Parse(snippet))
        {
            if (IncludeName(block) is not null)
            {
                errors.Add(new HelpError(snippet, block.Line + 1, where,
                    "a snippet cannot include another; write the text here instead."));
                continue;
            }

            blocks.Add(new SourceBlock(block, snippet));
        }
    }
}
