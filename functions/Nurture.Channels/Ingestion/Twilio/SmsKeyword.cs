namespace Nurture.Channels.Ingestion.Twilio;

/// <summary>What an inbound SMS asks for, when it is a compliance keyword.</summary>
public enum SmsKeyword
{
    /// <summary>Not a keyword: an ordinary reply.</summary>
    None,

    /// <summary>STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT: withdraw SMS consent.</summary>
    OptOut,

    /// <summary>START, YES, UNSTOP: give SMS consent again.</summary>
    OptIn,

    /// <summary>HELP, INFO: asks who is messaging and how to stop.</summary>
    Help,
}
