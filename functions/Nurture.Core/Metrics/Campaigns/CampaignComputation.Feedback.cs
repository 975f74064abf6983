using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics.Facts;

namespace Nurture.Core.Metrics.Campaigns;

internal sealed partial class CampaignComputation
{
    private Dictionary<(string Contact, MessageChannel Channel), List<int>>? _sendsByContact;

    private void ApplyFeedback()
    {
        foreach (var feedback in _facts.Feedback.Values)
        {
            if (feedback.At > _asOf)
            {
                continue;
            }

            var index = MessageOf(feedback);
            if (index < 0)
            {
                _unmatchedFeedback++;
                continue;
            }

            var message = _messages[index];
            var rank = 0;
            switch (feedback.Kind)
            {
                case FeedbackKind.Delivered:
                    message.Delivered = true;
                    rank = message.Send.Channel == MessageChannel.Sms ? 1 : 0;
                    break;
                case FeedbackKind.Opened when feedback.MachineOpen:
                    message.MachineOpened = true;
                    rank = message.Send.Channel == MessageChannel.Email && _settings.MachineOpensAreTouches ? 2 : 0;
                    break;
                case FeedbackKind.Opened:
                    message.HumanOpened = true;
                    rank = message.Send.Channel == MessageChannel.Email ? 2 : 0;
                    break;
                case FeedbackKind.Clicked:
                    message.Clicked = true;
                    rank = 3;
                    break;
                case FeedbackKind.Unsubscribed:
                    message.Unsubscribed = true;
                    break;
                case FeedbackKind.Bounced:
                    message.Bounced = true;
                    break;
                case FeedbackKind.SpamReported:
                    message.SpamReported = true;
                    break;
            }

            if (rank > 0)
            {
                AddTouch(message.Send.ContactId, new Touch(feedback.At, rank, index, _settings.WindowFor(message.Send.Channel)));
            }
        }

        foreach (var touches in _touches.Values)
        {
            touches.Sort(Touch.Compare);
        }
    }

    private void AddTouch(string contactId, Touch touch)
    {
        if (!_touches.TryGetValue(contactId, out var list))
        {
            list = [];
            _touches.Add(contactId, list);
        }

        list.Add(touch);
    }

    /// <summary>The message a feedback is about: named, or the contact's latest send on the channel within the contact-level window; -1 when none.</summary>
    private int MessageOf(FeedbackFact feedback)
    {
        if (feedback.MessageId is { Length: > 0 } id)
        {
            return _messageIndex.TryGetValue(id, out var index) ? index : -1;
        }

        _sendsByContact ??= IndexSendsByContact();
        if (!_sendsByContact.TryGetValue((feedback.ContactId!, feedback.Channel), out var sends))
        {
            return -1;
        }

        for (var i = sends.Count - 1; i >= 0; i--)
        {
            var sentAt = _messages[sends[i]].Send.SentAt;
            if (sentAt <= feedback.At)
            {
                return feedback.At - sentAt <= _settings.ContactLevelFeedbackWindow ? sends[i] : -1;
            }
        }

        return -1;
    }

    private Dictionary<(string Contact, MessageChannel Channel), List<int>> IndexSendsByContact()
    {
        var byContact = new Dictionary<(string Contact, MessageChannel Channel), List<int>>();
        for (var i = 0; i < _messages.Length; i++)
        {
            var send = _messages[i].Send;
            if (!byContact.TryGetValue((send.ContactId, send.Channel), out var list))
            {
                list = [];
                byContact.Add((send.ContactId, send.Channel), list);
            }

            list.Add(i);
        }

        foreach (var list in byContact.Values)
        {
            // The same instant goes to the smaller message id, which is the lower index.
            list.Sort((a, b) =>
            {
                var c = _messages[a].Send.SentAt.CompareTo(_messages[b].Send.SentAt);
                return c != 0 ? c : b.CompareTo(a);
            });
        }

        return byContact;
    }
}
