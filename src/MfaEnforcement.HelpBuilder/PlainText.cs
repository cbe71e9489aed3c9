using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MfaEnforcement.HelpBuilder;

/// <summary>
/// Turns Markdown into the plain text that console help shows: emphasis dropped, inline code kept in backticks
/// (as Microsoft's own help does), a link's address written after its text when it is a web page.
/// </summary>
internal static class PlainText
{
    /// <summary>The text of a paragraph's or heading's inlines; soft line breaks become spaces.</summary>
    public static string Inline(ContainerInline? container)
    {
        var builder = new StringBuilder();
        if (container is not null)
        {
            AppendInlines(builder, container);
        }

        return builder.ToString();
    }

    /// <summary>Whether an address is a web page (http or https), as opposed to another help topic's file.</summary>
    public static bool IsWebAddress(string? url) =>
        url is not null
        && (url.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase));

    /// <summary>The lines of a code block, without the fences and without trailing blank lines.</summary>
    public static string Code(LeafBlock block) => block.Lines.ToString().TrimEnd();

    /// <summary>
    /// One string for each paragraph, heading, code block or list (a list's items one a line, nested ones
    /// indented) in <paramref name="blocks"/>.
    /// </summary>
    public static List<string> Paragraphs(IEnumerable<Block> blocks)
    {
        var paragraphs = new List<string>();
        foreach (Block block in blocks)
        {
            AddParagraphs(paragraphs, block);
        }

        return paragraphs;
    }

    /// <summary>The lines of a list: <c>- item</c> or <c>1. item</c>, nested lists two spaces further in.</summary>
    public static List<string> ListLines(ListBlock list, string indent)
    {
        var lines = new List<string>();
        int number = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? n
            : 1;
        foreach (ListItemBlock item in list.OfType<ListItemBlock>())
        {
            string marker = list.IsOrdered ? number++.ToString(CultureInfo.InvariantCulture) + ". " : "- ";
            string prefix = indent + marker;
            foreach (Block child in item)
            {
                if (child is ListBlock nested)
                {
                    lines.AddRange(ListLines(nested, indent + "  "));
                    continue;
                }

                foreach (string text in Paragraphs(new[] { child }))
                {
                    lines.Add(prefix + text);
                    prefix = indent + new string(' ', marker.Length);
                }
            }
        }

        return lines;
    }

    private static void AddParagraphs(List<string> paragraphs, Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                paragraphs.Add(Inline(paragraph.Inline).Trim());
                break;
            case HeadingBlock heading:
                paragraphs.Add(Inline(heading.Inline).Trim());
                break;
            case CodeBlock code:
                paragraphs.Add(Code(code));
                break;
            case ListBlock list:
                paragraphs.Add(string.Join("\n", ListLines(list, string.Empty)));
                break;
            case QuoteBlock quote:
                foreach (Block child in quote)
                {
                    AddParagraphs(paragraphs, child);
                }

                break;

            // Thematic breaks, HTML comments and link reference definitions carry no help text.
            default:
                break;
        }
    }

    private static void AppendInlines(StringBuilder builder, ContainerInline container)
    {
        foreach (Inline inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append('`').Append(code.Content).Append('`');
                    break;
                case LineBreakInline lineBreak:
                    builder.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LinkInline link:
                    AppendLink(builder, link);
                    break;
                case ContainerInline nested:
                    AppendInlines(builder, nested);
                    break;

                // Inline HTML (<br>, comments) has no place in console help.
                default:
                    break;
            }
        }
    }

    private static void AppendLink(StringBuilder builder, LinkInline link)
    {
        int start = builder.Length;
        AppendInlines(builder, link);
        string text = builder.ToString(start, builder.Length - start);
        if (IsWebAddress(link.Url) && text != link.Url)
        {
            builder.Append(" (").Append(link.Url).Append(')');
        }
    }
}
