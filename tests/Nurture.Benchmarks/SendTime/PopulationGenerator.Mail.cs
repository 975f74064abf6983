using Nurture.Core.Events;

namespace Nurture.Benchmarks.SendTime;

public static partial class PopulationGenerator
{
    /// <summary>How long after a delivery the contact may still get to a message.</summary>
    private static readonly TimeSpan ReadHorizon = TimeSpan.FromHours(48);

    /// <summary>
    /// One campaign email: delivered a few minutes after the send; a privacy proxy "opens" it at once; the contact
    /// looks at their inbox at the times their attention gives, notices the message with a chance that fades as it
    /// sinks, then opens (seen only without a proxy), maybe clicks and browses.
    /// </summary>
    private static void Campaign(ContactLife life, DateTimeOffset sentAt, PopulationSettings settings)
    {
        var random = life.Random;
        var delivered = sentAt + TimeSpan.FromSeconds(10 + (290 * random.NextDouble()));
        life.Add(EventTypes.EmailDelivered, delivered, NoProperties, EventSource.SendGrid, genuine: false);
        if (life.PrivacyProxy)
        {
            var flagged = random.NextDouble() >= settings.UnflaggedMachineOpenShare;
            life.Add(EventTypes.EmailOpened, delivered + TimeSpan.FromMinutes(15 * random.NextDouble()), flagged ? MachineOpen : HumanOpen, EventSource.SendGrid, genuine: false);
        }

        var max = Math.Max(life.RoutineAt(delivered).MaxRate, life.RoutineAt(delivered + ReadHorizon).MaxRate);
        for (var at = delivered + Exponential(random, max); at < delivered + ReadHorizon; at += Exponential(random, max))
        {
            if (random.NextDouble() * max >= life.RateAt(at))
            {
                continue;
            }

            // A check: the message is noticed with a chance that fades as newer mail buries it; noticed once, it is done with.
            if (random.NextDouble() >= Math.Exp(-(at - delivered).TotalMinutes / life.ReadMinutes))
            {
                continue;
            }

            if (random.NextDouble() < life.OpenProbability)
            {
                Open(life, at);
            }

            break;
        }
    }

    private static void Open(ContactLife life, DateTimeOffset at)
    {
        var random = life.Random;
        life.InResponse = true;
        if (!life.PrivacyProxy)
        {
            life.Add(EventTypes.EmailOpened, at, HumanOpen, EventSource.SendGrid);
            if (random.NextDouble() < 0.25)
            {
                life.Add(EventTypes.EmailOpened, at + Exponential(random, 1d / 6), HumanOpen, EventSource.SendGrid);
            }
        }

        if (random.NextDouble() < life.ClickProbability)
        {
            var clicked = at + TimeSpan.FromMinutes(0.5 + (2.5 * random.NextDouble()));
            life.Add(EventTypes.EmailClicked, clicked, NoProperties, EventSource.SendGrid);
            Session(life, clicked + TimeSpan.FromMinutes(1), orderChance: 0.06, fromEmail: true);
        }

        life.InResponse = false;
    }
}
