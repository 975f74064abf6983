namespace Nurture.Channels.Sending.SendGrid;

/// <summary>The <c>custom_args</c> every email carries (SendGrid echoes them in every event of the message).</summary>
public static class SendGridArgs
{
    /// <summary>Our deterministic message id.</summary>
    public const string MessageId = "nurture_message_id";

    /// <summary>The journey that sent it.</summary>
    public const string Journey = "journey";

    /// <summary>The journey node (step) that sent it.</summary>
    public const string Step = "step";

    /// <summary>The most categories SendGrid takes per message.</summary>
    public const int MaxCategories = 10;

    /// <summary>The longest category SendGrid takes.</summary>
    public const int MaxCategoryLength = 255;
}
