namespace PqlGrains.Calibration.Replay;

/// <summary>Whether a backtest judges users or accounts (groups) as the subjects that qualify and convert.</summary>
public enum SubjectLevel
{
    User,
    Account,
}
