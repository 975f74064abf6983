namespace Nurture.Core.Metrics.Campaigns;

internal sealed partial class CampaignComputation
{
    /// <summary>
    /// Gives each purchase to the latest touch at or before it whose window still covers it (last touch);
    /// the window end is inclusive. Cancelled orders are no purchases; refunds lower the revenue counted.
    /// </summary>
    private void Attribute()
    {
        var longest = _settings.EmailAttributionWindow > _settings.SmsAttributionWindow ? _settings.EmailAttributionWindow : _settings.SmsAttributionWindow;
        foreach (var (contactId, touches) in _touches)
        {
            if (!_orders.ByContact.TryGetValue(contactId, out var contact))
            {
                continue;
            }

            for (var p = 0; p < contact.Purchases.Count; p++)
            {
                var order = contact.Purchases[p];
                var winner = LastTouchCovering(touches, order.PlacedAt, longest);
                if (winner < 0)
                {
                    continue;
                }

                var message = _messages[winner];
                message.Conversions++;
                message.Revenue += order.NetRevenue;
                message.AcquiredCustomer |= p == 0;
            }
        }
    }

    private static int LastTouchCovering(List<Touch> touches, DateTimeOffset orderAt, TimeSpan longest)
    {
        // The first touch after the order; everything before it happened at or before the order.
        int low = 0, high = touches.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (touches[mid].At <= orderAt)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        for (var i = low - 1; i >= 0; i--)
        {
            var elapsed = orderAt - touches[i].At;
            if (elapsed > longest)
            {
                break;
            }

            if (elapsed <= touches[i].Window)
            {
                return touches[i].Message;
            }
        }

        return -1;
    }
}
