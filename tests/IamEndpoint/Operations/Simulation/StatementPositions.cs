using System.Text;
using System.Text.Json;

namespace IamEndpoint.Operations.Simulation;

/// <summary>
/// Where each statement of a policy document starts and ends, as SimulatePrincipalPolicy reports matched
/// statements (StartPosition, EndPosition): the line and column of its opening brace and just past its closing
/// brace, both counted from 1.
/// </summary>
internal static class StatementPositions
{
    /// <summary>The positions of the statement at <paramref name="index"/>, or null when it cannot be found.</summary>
    public static (SimulationPosition Start, SimulationPosition End)? Of(string document, int index)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(document);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        int found = -1;
        long start = -1;
        bool inStatement = false;
        int statementDepth = -1;
        while (reader.Read())
        {
            if (!inStatement && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 &&
                reader.ValueTextEquals("Statement"))
            {
                inStatement = true;
                reader.Read();
                statementDepth = reader.TokenType == JsonTokenType.StartArray ? 2 : 1;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    continue;
                }
            }

            if (!inStatement)
            {
                continue;
            }

            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == statementDepth)
            {
                found++;
                start = reader.TokenStartIndex;
            }
            else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == statementDepth &&
                found == index)
            {
                return (Position(utf8, start), Position(utf8, reader.TokenStartIndex + 1));
            }
            else if (reader.CurrentDepth < statementDepth)
            {
                return null;
            }
        }

        return null;
    }

    private static SimulationPosition Position(byte[] utf8, long offset)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        int column = Encoding.UTF8.GetCharCount(utf8, lineStart, (int)offset - lineStart) + 1;
        return new SimulationPosition(line, column);
    }
}
