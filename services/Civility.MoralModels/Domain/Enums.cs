namespace Civility.MoralModels.Domain;

public enum NominationCategory
{
    MoralModel,          // 道德模范
    GoodPerson,          // 身边好人
    MostBeautifulFigure, // 最美人物
    CivilizedFamily,     // 文明家庭
}

/// <summary>Sub-kinds of a good person (身边好人): 助人为乐、诚实守信、敬业奉献、孝老爱亲、见义勇为.</summary>
public enum GoodPersonKind
{
    HelpingOthers,
    Honesty,
    DedicationToWork,
    FilialPiety,
    Bravery,
}

public enum NomineeKind
{
    Person,
    Family,
}

public enum NominationStatus
{
    Nominated,
    UnderReview,
    InPublicity, // 公示
    Suspended,
    Selected,
    Rejected,
    Commended,
    /// <summary>A commended model whose honour was withdrawn after an upheld objection; off every board.</summary>
    Revoked,
}

public enum SuspensionCause
{
    Objection,
    CreditListing,
}

/// <summary>How a round checks that a public vote is cast by a real person (实名验证).</summary>
public enum VoteVerification
{
    /// <summary>A one-time code sent to the voter's mobile number; one vote per number and per ID number. The default.</summary>
    OneTimeCode,
    /// <summary>
    /// The ID number only (its check digit): for votes an admin runs in person, e.g. in a meeting. Opted into explicitly.
    /// </summary>
    IdNumberOnly,
}

public enum ObjectionStatus
{
    Open,
    Upheld,
    Dismissed,
}

public enum CommendationKind
{
    Meeting,          // 表彰大会
    Exhibition,       // 事迹展览
    LectureTour,      // 巡回宣讲
    MoralLectureHall, // 道德讲堂
}

public enum AssistanceKind
{
    Visit,           // 走访慰问
    Subsidy,         // 帮扶补助
    MedicalPriority, // 就医优先
}
