namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>The stored <c>type</c> discriminators of journey nodes.</summary>
public static class JourneyNodeTypes
{
#pragma warning disable CS1591 // The names say what they are.
    public const string SendEmail = "send_email";
    public const string SendSms = "send_sms";
    public const string Delay = "delay";
    public const string WaitForEvent = "wait_for_event";
    public const string Branch = "branch";
    public const string Split = "split";
    public const string UpdateProfile = "update_profile";
    public const string Exit = "exit";
#pragma warning restore CS1591

    /// <summary>Every discriminator, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [SendEmail, SendSms, Delay, WaitForEvent, Branch, Split, UpdateProfile, Exit];
}
