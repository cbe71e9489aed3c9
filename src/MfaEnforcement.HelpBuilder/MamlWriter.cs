using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MfaEnforcement.HelpBuilder;

/// <summary>
/// Writes commands' help as one MAML file (<c>Assembly.dll-Help.xml</c>), the external help format that
/// PowerShell 7 and Windows PowerShell 5.1 read for binary cmdlets.
/// </summary>
/// <remarks>
/// The shape follows the files PowerShell ships and platyPS writes; see
/// https://learn.microsoft.com/powershell/scripting/developer/help/how-to-create-the-cmdlet-help-file
/// </remarks>
internal static class MamlWriter
{
    private const int TitleWidth = 80;

    private static readonly XNamespace s_msh = "http://msh";
    private static readonly XNamespace s_maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace s_command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace s_dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>Builds the MAML document for the commands, in the order given.</summary>
    public static XDocument Build(IEnumerable<CommandHelp> commands) =>
        new(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(s_msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(Command)));

    /// <summary>Saves the document as UTF-8, indented by two spaces, with LF line ends on every OS.</summary>
    public static void Save(XDocument document, string path)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using XmlWriter writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }

    private static XElement Command(CommandHelp help) =>
        new(s_command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", s_maml),
            new XAttribute(XNamespace.Xmlns + "command", s_command),
            new XAttribute(XNamespace.Xmlns + "dev", s_dev),
            new XElement(s_command + "details",
                new XElement(s_command + "name", help.Name),
                new XElement(s_command + "verb", help.Verb),
                new XElement(s_command + "noun", help.Noun),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            new XElement(s_command + "syntax", SyntaxItems(help)),
            new XElement(s_command + "parameters",
                help.Parameters.Where(p => p.Usages.Count > 0).Select(p => Parameter(p, p.Usages[0], false))),
            Types(help.Inputs, "inputTypes", "inputType"),
            Types(help.Outputs, "returnValues", "returnValue"),
            help.Notes.Count == 0
                ? null
                : new XElement(s_maml + "alertSet", new XElement(s_maml + "alert", Paragraphs(help.Notes))),
            new XElement(s_command + "examples", help.Examples.Select(Example)),
            new XElement(s_maml + "relatedLinks", help.Links.Select(Link)));

    private static IEnumerable<XElement> SyntaxItems(CommandHelp help)
    {
        // The sets are those ## SYNTAX lists, else those the parameters name; a command without any has one.
        List<string> sets = help.ParameterSets.Count > 0
            ? help.ParameterSets.ToList()
            : help.Parameters.SelectMany(p => p.Usages).SelectMany(u => u.Sets).Distinct().ToList();
        if (sets.Count == 0)
        {
            sets.Add(string.Empty);
        }

        foreach (string set in sets)
        {
            yield return new XElement(s_command + "syntaxItem",
                new XElement(s_maml + "name", help.Name),
                Members(help, set).Select(m => Parameter(m.Parameter, m.Usage, true)));
        }
    }

    // The parameters of one set: positional ones by position first, then the rest as the file lists them.
    private static IEnumerable<(ParameterHelp Parameter, ParameterUsage Usage)> Members(CommandHelp help, string set)
    {
        var members = new List<(ParameterHelp Parameter, ParameterUsage Usage)>();
        foreach (ParameterHelp parameter in help.Parameters)
        {
            ParameterUsage? usage = parameter.Usages.FirstOrDefault(u => set.Length == 0 || u.AppliesTo(set));
            if (usage is not null)
            {
                members.Add((parameter, usage));
            }
        }

        return members.OrderBy(m => m.Usage.Position == "named"
            ? int.MaxValue
            : int.Parse(m.Usage.Position, CultureInfo.InvariantCulture));
    }

    private static XElement Parameter(ParameterHelp parameter, ParameterUsage usage, bool forSyntax) =>
        new(s_command + "parameter",
            new XAttribute("required", usage.Required ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", usage.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", usage.PipelineInput),
            new XAttribute("position", usage.Position),
            new XAttribute("aliases", usage.Aliases.Count == 0 ? "none" : string.Join(", ", usage.Aliases)),
            new XElement(s_maml + "name", parameter.Name),
            forSyntax ? null : Description(parameter.Description),
            ParameterValues(usage, forSyntax),
            forSyntax ? null : new XElement(s_dev + "type",
                new XElement(s_maml + "name", usage.Type),
                new XElement(s_maml + "uri")),
            forSyntax ? null : new XElement(s_dev + "defaultValue", usage.DefaultValue));

    private static IEnumerable<XElement> ParameterValues(ParameterUsage usage, bool forSyntax)
    {
        if (usage.AcceptedValues.Count > 0)
        {
            yield return new XElement(s_command + "parameterValueGroup",
                usage.AcceptedValues.Select(v => new XElement(s_command + "parameterValue",
                    new XAttribute("required", "false"),
                    new XAttribute(s_command + "variableLength", "false"),
                    v)));
        }

        // The syntax shows a switch as [-Name] without a value; the parameter list still names its type.
        if (!(forSyntax && usage.IsSwitch))
        {
            yield return new XElement(s_command + "parameterValue",
                new XAttribute("required", usage.IsSwitch ? "false" : "true"),
                new XAttribute("variableLength", "false"),
                usage.Type);
        }
    }

    private static XElement? Types(IReadOnlyList<TypeHelp> types, string listName, string itemName) =>
        types.Count == 0
            ? null
            : new XElement(s_command + listName,
                types.Select(t => new XElement(s_command + itemName,
                    new XElement(s_dev + "type", new XElement(s_maml + "name", t.Name)),
                    Description(t.Description))));

    private static XElement Example(ExampleHelp example)
    {
        // Dashes centre the title in 80 columns, as in PowerShell's own help; the empty paragraph after the
        // remarks keeps a blank line between one example and the next title.
        string dashes = new('-', Math.Max(4, (TitleWidth - example.Title.Length - 2) / 2));
        return new XElement(s_command + "example",
            new XElement(s_maml + "title", dashes + " " + example.Title + " " + dashes),
            new XElement(s_dev + "code", example.Code),
            new XElement(s_dev + "remarks", Paragraphs(example.Remarks.Append(string.Empty))));
    }

    private static XElement Link(LinkHelp link) =>
        new(s_maml + "navigationLink",
            new XElement(s_maml + "linkText", link.Text),
            new XElement(s_maml + "uri", link.Uri));

    private static XElement Description(IEnumerable<string> paragraphs) =>
        new(s_maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(s_maml + "para", p));
}
