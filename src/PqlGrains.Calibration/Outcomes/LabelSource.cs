namespace PqlGrains.Calibration.Outcomes;

/// <summary>Why a training snapshot got its label.</summary>
public enum LabelSource
{
    /// <summary>Negative: no conversion and no verdict about this window.</summary>
    NoOutcome,

    /// <summary>Positive: the user converted within the label window.</summary>
    Conversion,

    /// <summary>Positive: a lead on the user qualified within the label window and the rep called it good.</summary>
    GoodFeedback,

    /// <summary>Negative, confirmed: a lead on the user qualified within the label window and the rep called it not a fit.</summary>
    NotAFitFeedback,
}
