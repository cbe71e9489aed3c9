using System.Globalization;

namespace MfaEnforcement.HelpBuilder;

/// <summary>
/// A problem in a help source file, located by file, line and section, so that a failed build says where to look.
/// </summary>
/// <param name="File">The Markdown file, as the builder was given it.</param>
/// <param name="Line">The line, counted from 1.</param>
/// <param name="Section">The heading the problem is under, such as <c>## EXAMPLES</c>.</param>
/// <param name="Message">What is wrong and what to write instead.</param>
internal sealed record HelpError(string File, int Line, string Section, string Message)
{
    /// <summary>
    /// The error in the canonical <c>file(line): error: text</c> form that MSBuild and editors recognise.
    /// </summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}({1}): error: {2}: {3}", File, Line, Section, Message);
}
