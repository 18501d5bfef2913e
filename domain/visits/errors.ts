// Why a card operation was refused. The bot turns each code into a sentence in the reader's language.
export type CardNotFound = { code: 'CardNotFound' };
export type OwnCard = { code: 'OwnCard' };
export type NotStaff = { code: 'NotStaff' };
export type TooManyStamps = { code: 'TooManyStamps'; max: number };
export type CooldownActive = { code: 'CooldownActive'; until: Date };
export type DailyCapReached = { code: 'DailyCapReached'; cap: number; left: number };
export type NoRewardAvailable = { code: 'NoRewardAvailable' };
/** The card screen was opened too long ago, or closed with Cancel: scan again. */
export type ScreenExpired = { code: 'ScreenExpired' };
export type OperationNotFound = { code: 'OperationNotFound' };
export type NotUndoable = { code: 'NotUndoable' };
export type UndoExpired = { code: 'UndoExpired' };
/** Only the staff member who did it, or an owner, may undo an operation. */
export type UndoForbidden = { code: 'UndoForbidden' };
export type AlreadyUndone = { code: 'AlreadyUndone' };
/** The stamps to undo already became a reward that has been redeemed since: nothing left to take back. */
export type RewardAlreadyRedeemed = { code: 'RewardAlreadyRedeemed' };

export type VisitError = CardNotFound | ScreenExpired | OwnCard | TooManyStamps | CooldownActive | DailyCapReached;
export type RedeemError = CardNotFound | ScreenExpired | OwnCard | NoRewardAvailable;
export type UndoError =
  | OperationNotFound
  | NotUndoable
  | UndoExpired
  | UndoForbidden
  | AlreadyUndone
  | RewardAlreadyRedeemed;

export type StaffActionError = VisitError | RedeemError | UndoError | NotStaff | ScreenExpired;
