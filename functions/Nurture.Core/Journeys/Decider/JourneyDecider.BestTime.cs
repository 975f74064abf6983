using System.Globalization;
using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.SendTime;

namespace Nurture.Core.Journeys.Decider;

public static partial class JourneyDecider
{
    /// <summary>The purpose string of the best-time holdout draw (see <see cref="StableDraw"/>).</summary>
    public const string BestTimeHoldoutPurpose = "sendtime-holdout";

    /// <summary>
    /// The send-time experiment arm of a send from <paramref name="node"/>: null unless it is a marketing send with a
    /// best-time option; otherwise holdout, explored or optimised by stable draws on the message id, so the arm
    /// recorded when the send finally goes is the one assigned when its time was chosen.
    /// </summary>
    /// <param name="node">The send node.</param>
    /// <param name="messageId">The send's message id.</param>
    /// <param name="options">Send-time settings (the exploration share).</param>
    public static SendTimeArm? BestTimeArmOf(SendNode node, string messageId, SendTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(options);
        if (node.BestTime is not { } window || !node.Marketing)
        {
            return null;
        }

        if (window.HoldoutShare > 0 && StableDraw.Unit(BestTimeHoldoutPurpose, messageId) < window.HoldoutShare)
        {
            return SendTimeArm.Holdout;
        }

        return SendTimeAdvisor.IsExplored(messageId, options) ? SendTimeArm.Explored : SendTimeArm.Optimized;
    }

    private static SendTimeArm? BestTimeArm(DecisionSession session, SendNode node, string messageId) =>
        BestTimeArmOf(node, messageId, session.SendTime);

    /// <summary>Chooses the best time on the first attempt; true when a timer was set for a later slot.</summary>
    private static bool DeferToBestTime(DecisionSession session, SendNode node, SendTimeArm arm, string messageId)
    {
        var window = node.BestTime!;
        if (arm == SendTimeArm.Holdout)
        {
            session.Record(HistoryKind.Decision, string.Create(CultureInfo.InvariantCulture, $"best-time holdout ({window.HoldoutShare:0.##} of sends): sending at the plain time"), node.Id);
            return false;
        }

        var channel = node.MessageChannel;
        var cap = session.Policy.CapFor(channel);
        var blocked = cap is null
            ? null
            : CapIntervals.Blocked((session.Context.RecentSends ?? []).Where(s => s.Channel == channel && s.Marketing && s.SentAt <= session.Now).Select(s => s.SentAt), cap);
        var choice = SendTimeAdvisor.Choose(new SendTimeRequest(
            session.Now,
            TimeSpan.FromHours(window.WithinHours),
            session.Zone,
            session.Contact.SendTime,
            session.Context.ShopSendTime,
            session.Policy.QuietHoursFor(channel),
            blocked,
            arm == SendTimeArm.Explored ? messageId : null,
            session.ZoneSource,
            session.SendTime));
        if (choice.At <= session.Now)
        {
            session.Record(HistoryKind.Decision, $"best time within {window.WithinHours} h is now ({Explain(choice)})", node.Id);
            return false;
        }

        session.SetTimer(node.Id, TimerPurpose.BestTime, choice.At, JourneyStatus.Waiting);
        session.State = session.State with { SendAttempt = session.State.SendAttempt + 1 };
        session.Record(HistoryKind.Deferred, $"best time within {window.WithinHours} h is {choice.At:O} ({Explain(choice)})", node.Id);
        return true;
    }

    private static string Explain(SendTimeChoice choice) => string.Create(
        CultureInfo.InvariantCulture,
        $"{choice.LocalAt:yyyy-MM-dd HH:mm} {choice.TimeZone} ({choice.ZoneSource.ToString().ToLowerInvariant()}), {choice.Basis.ToString().ToLowerInvariant()}, {choice.EvidenceCount} engagements, confidence {choice.Confidence:0.00}{(choice.Explored ? ", explored" : string.Empty)}{(choice.BeyondWindow ? ", moved past the window by quiet hours or caps" : choice.Constrained ? ", a better slot was quiet or capped" : string.Empty)}");
}
