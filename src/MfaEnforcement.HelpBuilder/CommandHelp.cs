using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.HelpBuilder;

/// <summary>
/// The help of one command, read from its <c>Verb-Noun.md</c> file; every text is plain, one string a paragraph.
/// </summary>
internal sealed record CommandHelp(
    string Name,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<LinkHelp> Links)
{
    /// <summary>The verb: the part of the name before the first hyphen.</summary>
    public string Verb => Name[..Name.IndexOf('-')];

    /// <summary>The noun: the part of the name after the first hyphen.</summary>
    public string Noun => Name[(Name.IndexOf('-') + 1)..];
}

/// <summary>
/// One parameter: its description and one usage for each <c>```yaml</c> block written under it.
/// </summary>
/// <remarks>
/// A parameter that behaves alike in every parameter set has one usage; one that is, say, mandatory in one set
/// and optional in another has a usage per block, as platyPS writes it.
/// </remarks>
internal sealed record ParameterHelp(
    string Name,
    IReadOnlyList<string> Description,
    IReadOnlyList<ParameterUsage> Usages);

/// <summary>
/// The attributes of a parameter in the parameter sets one <c>```yaml</c> block names.
/// </summary>
/// <param name="Type">The type as the syntax shows it, such as <c>String[]</c>.</param>
/// <param name="Sets">The parameter sets; empty for <c>(All)</c>.</param>
/// <param name="Aliases">The aliases; empty for <c>None</c>.</param>
/// <param name="AcceptedValues">The values a ValidateSet allows; empty when any value goes.</param>
/// <param name="Required">Whether the parameter is mandatory.</param>
/// <param name="Position">The position, counted from 0, or <c>named</c>.</param>
/// <param name="DefaultValue">What the parameter means when omitted.</param>
/// <param name="PipelineInput">As PowerShell writes it: <c>False</c>, <c>True (ByPropertyName)</c>, ...</param>
/// <param name="Globbing">Whether wildcard characters are accepted.</param>
internal sealed record ParameterUsage(
    string Type,
    IReadOnlyList<string> Sets,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AcceptedValues,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool Globbing)
{
    /// <summary>Whether this usage applies to the given parameter set.</summary>
    public bool AppliesTo(string set) => Sets.Count == 0 || Sets.Contains(set);

    /// <summary>Whether the parameter is a switch, which takes no value.</summary>
    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";
}

/// <summary>An example: its title, the code and the remarks that explain it.</summary>
internal sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);

/// <summary>An input or output type and what it says about the objects.</summary>
internal sealed record TypeHelp(string Name, IReadOnlyList<string> Description);

/// <summary>A related link: its text, and its address when it is a web page rather than another help topic.</summary>
internal sealed record LinkHelp(string Text, string Uri);
