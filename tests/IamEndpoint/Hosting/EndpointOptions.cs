using System.Globalization;

namespace IamEndpoint.Hosting;

/// <summary>Command-line arguments that cannot be used; the message says which and why.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The endpoint's command line.</summary>
internal sealed record EndpointOptions
{
    public const string Usage =
        "Usage: IamEndpoint --seed FILE [--port N] [--latency-ms N] [--throttle-rate P] [--fault-rate P] " +
        "[--random-seed N]";

    public required string SeedPath { get; init; }

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    public int LatencyMs { get; init; }

    /// <summary>The share of Query requests answered with Throttling, 0 to 1.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>The share of Query requests answered with ServiceFailure, 0 to 1.</summary>
    public double FaultRate { get; init; }

    public int RandomSeed { get; init; } = 1;

    public static EndpointOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unexpected argument '{arg}'.");
            }

            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? arg[2..equals] : arg[2..];
            string? value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Count ? args[++i] : null;
            if (name is not ("seed" or "port" or "latency-ms" or "throttle-rate" or "fault-rate" or "random-seed"))
            {
                throw new UsageException($"Unknown option '--{name}'.");
            }

            values[name] = value ?? throw new UsageException($"Option '--{name}' needs a value.");
        }

        var options = new EndpointOptions
        {
            SeedPath = values.GetValueOrDefault("seed") ?? throw new UsageException("--seed FILE is required."),
            Port = Integer(values, "port", 0, 0, 65535),
            LatencyMs = Integer(values, "latency-ms", 0, 0, 600_000),
            ThrottleRate = Rate(values, "throttle-rate"),
            FaultRate = Rate(values, "fault-rate"),
            RandomSeed = Integer(values, "random-seed", 1, int.MinValue, int.MaxValue),
        };

        if (options.ThrottleRate + options.FaultRate > 1)
        {
            throw new UsageException("--throttle-rate and --fault-rate together must not exceed 1.");
        }

        if (!File.Exists(options.SeedPath))
        {
            throw new UsageException($"Seed file '{options.SeedPath}' does not exist.");
        }

        return options;
    }

    private static int Integer(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out string? text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) &&
            value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'.");
    }

    private static double Rate(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out string? text))
        {
            return 0;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) &&
            value is >= 0 and <= 1
            ? value
            : throw new UsageException($"--{name} must be a number from 0 to 1, not '{text}'.");
    }
}
