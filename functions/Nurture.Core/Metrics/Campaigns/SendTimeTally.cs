using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>Counts the send-time experiment's two sides.</summary>
internal sealed class SendTimeTally
{
    private readonly Side _optimized = new();
    private readonly Side _control = new();
    private int _pending;

    public void Add(MessageOutcome message, bool matured)
    {
        if (message.Send.Timing == SendTiming.NotInExperiment)
        {
            return;
        }

        if (!matured)
        {
            _pending++;
            return;
        }

        (message.Send.Timing == SendTiming.Optimized ? _optimized : _control).Add(message);
    }

    public SendTimeExperiment? ToExperiment(ExperimentSettings settings)
    {
        if (_optimized.Sends == 0 && _control.Sends == 0 && _pending == 0)
        {
            return null;
        }

        var open = _optimized.Emails > 0 && _control.Emails > 0
            ? UpliftAnalysis.CompareRates(new(_optimized.Opened, _optimized.Emails), new(_control.Opened, _control.Emails), settings)
            : null;
        return new SendTimeExperiment(
            _optimized.Sends,
            _control.Sends,
            _pending,
            open,
            UpliftAnalysis.CompareRates(new(_optimized.Clicked, _optimized.Sends), new(_control.Clicked, _control.Sends), settings),
            UpliftAnalysis.CompareRates(new(_optimized.Converted, _optimized.Sends), new(_control.Converted, _control.Sends), settings));
    }

    private sealed class Side
    {
        public int Sends { get; private set; }

        public int Emails { get; private set; }

        public int Opened { get; private set; }

        public int Clicked { get; private set; }

        public int Converted { get; private set; }

        public void Add(MessageOutcome message)
        {
            Sends++;
            if (message.Send.Channel == MessageChannel.Email)
            {
                Emails++;
                Opened += message.HumanOpened ? 1 : 0;
            }

            Clicked += message.Clicked ? 1 : 0;
            Converted += message.Converted ? 1 : 0;
        }
    }
}
