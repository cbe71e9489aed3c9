using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Markdig.Syntax;

namespace MfaEnforcement.HelpBuilder;

/// <summary>
/// Turns an <c>about_Topic.md</c> file into the plain-text <c>about_Topic.help.txt</c> that <c>Get-Help</c> shows:
/// section titles in capitals, text indented four spaces and wrapped at 80 columns.
/// </summary>
/// <remarks>
/// PowerShell takes an about topic's synopsis from the lines under <c>SHORT DESCRIPTION</c>, so that section is
/// required.
/// </remarks>
internal static class AboutTopicWriter
{
    private const int Width = 80;
    private const string Indent = "    ";
    private const string ShortDescription = "Short description";

    /// <summary>
    /// Converts one about topic; returns null when it has problems, each of them added to <paramref name="errors"/>.
    /// </summary>
    public static string? Convert(string path, ICollection<HelpError> errors)
    {
        int before = errors.Count;
        HelpDocument document = HelpDocument.Load(path, errors);
        string name = Path.GetFileNameWithoutExtension(path);
        if (!string.Equals(document.Title, name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new HelpError(path, document.TitleLine, "# " + name,
                "the title must be the topic's name, '# " + name + "', as the file is named."));
        }

        HelpSection? summary = document.Find(ShortDescription);
        if (summary is null || PlainText.Paragraphs(summary.Blocks.Select(b => b.Block)).All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new HelpError(path, summary?.Heading.Line ?? document.TitleLine, "## " + ShortDescription,
                "is missing or empty; write one sentence about the topic, which Get-Help lists as its synopsis."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append("TOPIC\n").Append(Indent).Append(name).Append('\n');
        foreach (HelpSection section in document.Sections)
        {
            text.Append('\n').Append(section.Title.ToUpperInvariant()).Append('\n');
            AppendBlocks(text, section.Blocks.Select(b => b.Block));
        }

        return text.ToString();
    }

    private static void AppendBlocks(StringBuilder text, IEnumerable<Block> blocks)
    {
        bool separate = false;
        foreach (Block block in blocks)
        {
            if (separate)
            {
                text.Append('\n');
            }

            // A subheading sits directly above its text; every other block has a blank line before the next.
            separate = true;
            switch (block)
            {
                case HeadingBlock heading:
                    text.Append(Indent).Append(PlainText.Inline(heading.Inline).Trim()).Append('\n');
                    separate = false;
                    break;
                case CodeBlock code:
                    foreach (string line in PlainText.Code(code).Split('\n'))
                    {
                        text.Append((Indent + Indent + line).TrimEnd()).Append('\n');
                    }

                    break;
                case ListBlock list:
                    foreach (string line in PlainText.ListLines(list, string.Empty))
                    {
                        // Continuation lines of an item line up with the item's text, after its marker.
                        int marker = line.TakeWhile(c => c == ' ').Count();
                        marker += line[marker..].TakeWhile(c => c != ' ').Count() + 1;
                        AppendWrapped(text, line[marker..], Indent + line[..marker], Indent + new string(' ', marker));
                    }

                    break;
                default:
                    List<string> paragraphs = PlainText.Paragraphs(new[] { block });
                    separate = paragraphs.Count > 0;
                    foreach (string paragraph in paragraphs)
                    {
                        AppendWrapped(text, paragraph, Indent, Indent);
                    }

                    break;
            }
        }
    }

    private static void AppendWrapped(StringBuilder text, string paragraph, string first, string next)
    {
        foreach (string part in paragraph.Split('\n'))
        {
            string prefix = first;
            var line = new StringBuilder();
            foreach (string word in part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && prefix.Length + line.Length + 1 + word.Length > Width)
                {
                    text.Append(prefix).Append(line).Append('\n');
                    line.Clear();
                    prefix = next;
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
            }

            text.Append(prefix).Append(line).Append('\n');
            first = next;
        }
    }
}
