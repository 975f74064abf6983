using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nurture.Core.Journeys.Model;
using Nurture.Functions.Http;

namespace Nurture.Functions.SendTime;

/// <summary>What a send-time advice asks: the channel, the window's start and its length.</summary>
/// <param name="Channel">The channel (its quiet hours and cap apply).</param>
/// <param name="From">The window's start; now when not given.</param>
/// <param name="Within">The window's length (1 h to 7 days, as a journey's best-time step).</param>
public sealed record SendTimeQuery(MessageChannel Channel, DateTimeOffset From, TimeSpan Within)
{
    /// <summary>The shortest window.</summary>
    public static readonly TimeSpan ShortestWindow = TimeSpan.FromHours(1);

    /// <summary>The longest window.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromHours(168);

    /// <summary>How far from now the window may start, either way.</summary>
    public static readonly TimeSpan FarthestStart = TimeSpan.FromDays(366);

    /// <summary>Reads the query from its text parts; a problem (400) names what to fix.</summary>
    /// <param name="channel">The channel's wire name; email when null or empty.</param>
    /// <param name="within">The window: a whole number with m, h or d (<c>90m</c>, <c>24h</c>, <c>2d</c>); 24h when null or empty.</param>
    /// <param name="from">The window's start, ISO 8601 with an offset; <paramref name="now"/> when null or empty.</param>
    /// <param name="now">The time now.</param>
    /// <param name="query">The query, when valid.</param>
    /// <param name="problem">The 400 answer, when not.</param>
    public static bool TryParse(string? channel, string? within, string? from, DateTimeOffset now, out SendTimeQuery query, out IResult? problem)
    {
        query = null!;
        var errors = new List<string>();
        var parsedChannel = MessageChannel.Email;
        if (!string.IsNullOrEmpty(channel) && !ApiJson.TryParseEnum(channel, out parsedChannel))
        {
            errors.Add($"channel must be one of: {string.Join(", ", ApiJson.EnumNames<MessageChannel>())}.");
        }

        var window = TimeSpan.FromHours(24);
        if (!string.IsNullOrEmpty(within) && (!WindowText.TryParse(within, out window) || window < ShortestWindow || window > LongestWindow))
        {
            errors.Add("within must be a whole number of minutes (m), hours (h) or days (d) from 1h to 168h, e.g. 24h.");
        }

        var start = now;
        if (!string.IsNullOrEmpty(from))
        {
            if (!DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start) || !HasOffset(from))
            {
                errors.Add("from must be an ISO 8601 date-time with an offset, e.g. 2026-12-05T09:00:00Z.");
            }
            else if ((start - now).Duration() > FarthestStart)
            {
                errors.Add("from must be within a year of now.");
            }
        }

        if (errors.Count > 0)
        {
            problem = Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The send-time query is not valid.",
                detail: string.Join(" ", errors));
            return false;
        }

        problem = null;
        query = new SendTimeQuery(parsedChannel, start.ToUniversalTime(), window);
        return true;
    }

    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return time >= 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.AsSpan(time).IndexOfAny('+', '-') >= 0);
    }
}
