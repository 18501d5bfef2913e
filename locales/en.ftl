### Every word an English-speaking customer, staff member or owner reads.
### Terms and address forms: locales/GLOSSARY.md (card, stamp, reward, earn, redeem, undo, visit,
### offer, staff, owner, customer). Counts always go through a plural selector; buttons ≤ 32 characters.

## Common

start-welcome = Hello, { $name }! This is our loyalty card: collect stamps for your visits and get rewards.
help-text =
    This bot is our loyalty card.
    /start — your card
    /help — this help
    /cancel — stop what you are doing
    /delete — erase what the bot keeps about you
    /language — change the language
cancel-done = Cancelled. Nothing was changed.
unhandled-message = I did not understand that. Send /help to see what I can do.
unhandled-button = This button no longer works.
error-unexpected = Sorry, something went wrong on our side. Please try again.
error-try-again = We are having a short technical pause. Please try again in a minute.
jobs-given-up = ⚠️ A background task ({ $job }) failed several times in a row and was given up. Please let whoever runs the bot know: the log has the details.

## Command menu

command-start = Your loyalty card
command-help = What this bot can do
command-cancel = Stop the current action
command-delete = Delete my data
command-language = Change the language
command-settings = Program settings
command-broadcast = Send an offer to customers
command-broadcasts = Scheduled offers
command-stats = Program statistics
command-export = Export customers and ledger (CSV)

## Customers: onboarding, the card and the menu

onboarding-welcome =
    Hello, { $name }! This is our loyalty card: collect stamps for your visits and get rewards.

    Choose your language:
onboarding-program =
    Here is how it works:
    • Show your card's QR code at the counter, and staff add a stamp for your visit.
    • Collect { $stamps ->
        [one] { $stamps } stamp
       *[other] { $stamps } stamps
    } and get your reward: { $reward }.
    • Rewards add up, and the card always stays here in Telegram, so it cannot get lost.

    To issue your card, I only need your phone number.
onboarding-continue = Continue
onboarding-use-buttons = Please choose with one of these buttons:
onboarding-phone-ask = Tap the “Share my phone number” button below. We need the number only for your card and never pass it on.
onboarding-phone-button = 📱 Share my phone number
onboarding-phone-use-button = To issue your card I need your phone number. Please tap the “Share my phone number” button below.
onboarding-phone-typed = Please don't type the number: tap the “Share my phone number” button below, so that Telegram confirms the number is yours.
onboarding-phone-not-yours = This is someone else's contact. A card is issued only for your own number: please tap “Share my phone number” below.
onboarding-phone-invalid = I could not read this phone number. Please try again with the “Share my phone number” button below.
onboarding-phone-taken = This phone number already has a card on another Telegram account. If it is yours, show this message to our staff: they will open your card and allow it to move to this account. Then share your number here again with the button below.
onboarding-phone-received = Thank you!
onboarding-privacy-ask =
    Before you share your phone number: we keep it, with your name and Telegram username, only to run your loyalty card (stamps, rewards, messages about your card), and never pass it on. { $business } is responsible for this data.

    Please read the privacy policy and agree to it. You can delete your data at any time with /delete.
onboarding-privacy-agree = ✅ I agree
onboarding-privacy-read = 📄 Privacy policy
onboarding-privacy-decline = No, thanks
onboarding-privacy-declined = All right: without this consent we cannot issue a card, and we have not taken your phone number. If you change your mind, send /start. /delete erases the language you chose, too.
onboarding-consent-ask = Last question: may we send you offers and news now and then? You can change this at any time with the “Notifications” button.
onboarding-consent-yes = Yes, please
onboarding-consent-no = No, thanks
onboarding-done = Your card is ready! Show its QR code at the counter on every visit. Everything else is in the menu below.
privacy-policy-contact-chat = a message in this chat
privacy-policy-text =
    📄 Privacy policy (version { $version })

    Who: { $business } runs this loyalty program and is responsible for your data. Contact: { $contact }.

    What we keep: your phone number, first and last name and username from Telegram, your Telegram account id, the language you chose, your card's stamps and rewards with the time and the staff member of each operation, your ratings and comments, and your answers about consent.

    Why: to issue and run your loyalty card, to tell you about your stamps and rewards, and — only if you agreed — to send offers. The legal basis is your consent.

    Who sees it: our staff and the owner, in Telegram. We do not sell or pass on your data. Telegram carries the messages.

    How long: while you have the card. { $months ->
        [0] {""}
       *[other] Without a visit for { $months } months, the data is erased automatically.
    }

    Your rights: get a copy of your data (“My data” in the menu), stop offers at any time, withdraw this consent and erase your data (/delete or “Delete my data”). The totals of the program keep your card operations without anything that identifies you.

card-subtitle = Loyalty card
card-number-label = Card number
card-progress = { $left ->
    [0] Stamps: { $stamps } of { $total }. Your reward is waiting: { $reward }!
    [one] Stamps: { $stamps } of { $total }. { $left } more to your reward: { $reward }
   *[other] Stamps: { $stamps } of { $total }. { $left } more to your reward: { $reward }
}
card-rewards-ready = Rewards ready: { $count }
card-hint = Show this QR code at the counter
card-caption = 💳 Your card { $number }

menu-card = 💳 My card
menu-rewards = 🎁 Rewards
menu-invite = 👫 Invite friends
menu-review = ⭐ Leave a review
menu-language = 🌐 Language
menu-notifications = 🔔 Notifications
menu-delete = 🗑 Delete my data
menu-my-data = 📄 My data
menu-not-registered = You don't have a card yet. Send /start to get one: it takes a minute.
move-card-done = ✅ Welcome back! Your card, with all its stamps and rewards, is on this account now.
move-card-old-account = Your loyalty card has moved to your new Telegram account, as you asked at the counter. This account no longer has a card. If you did not ask for this, please tell our staff.

rewards-available = { $count ->
    [one] You have { $count } reward ready: { $reward }.
   *[other] You have { $count } rewards ready: { $reward }.
} To redeem, show your card at the counter.
rewards-none = No rewards yet.

invite-link =
    Your personal invite link:
    { $link }

    Send it to friends: it opens this bot, and they get their own card.
invite-bonus = When a friend who joined with your link makes their first visit, you get { $count ->
    [one] { $count } bonus stamp
   *[other] { $count } bonus stamps
}.
invite-joined = { $count ->
    [0] No friends have joined yet.
    [one] { $count } friend has joined.
   *[other] { $count } friends have joined.
}

review-after-visit = After your next visit we will ask you to rate it from 1 to 5, with a single tap. Thank you for helping us get better!

language-choose = Choose your language:
language-changed = Done! From now on I will write to you in English.

notifications-on = 🔔 Offers and news are on. We write rarely, and only when it is worth it.
notifications-off = 🔕 Offers and news are off. Messages about your card (stamps and rewards) still arrive.
notifications-turn-on = Turn on
notifications-turn-off = Turn off
offers-stop-button = 🔕 Stop offers
offers-stopped-short = Done: no more offers.
offers-stopped = 🔕 Done: we will not send you offers any more. Messages about your card (stamps and rewards) still arrive. To turn offers back on, press “Notifications” in the menu.
consent-renew-ask = 📄 Our privacy policy has changed (version { $version }). Please read it and agree to keep using your card. If you do not agree, you can delete your data with /delete.
consent-renew-thanks = Thank you! Everything is as before: your card is in the menu below.

delete-confirm = This erases your phone number, name and username, and your card stops working: its stamps and rewards will be lost. Delete your data?
delete-yes = Yes, delete
delete-no = No, keep my card
delete-done = Your personal data has been deleted. Thank you for being with us! If you ever want a new card, send /start.
delete-kept = Good, your card stays as it is.
delete-expired = This confirmation has expired. If you still want to delete your data, tap “Delete my data” again.
delete-visitor-confirm = You have no card. We keep only the language you chose and, if you started signing up, the unfinished sign-up. Erase it?
delete-visitor-done = Done: we keep nothing about you any more. If you ever want a card, send /start.
my-data-caption = 📄 A copy of everything we store about you.
my-data-title = My data in the loyalty program
my-data-as-of = As of { $time } ({ $timeZone })
my-data-none = —
my-data-yes = yes
my-data-no = no
my-data-section-profile = Profile
my-data-field-first-name = First name
my-data-field-last-name = Last name
my-data-field-username = Telegram username
my-data-field-phone = Phone
my-data-field-telegram-id = Telegram account id
my-data-field-language = Language
my-data-field-card-number = Card number
my-data-field-registered = Card issued
my-data-field-last-visit = Last visit
my-data-field-offers = Offers and news
my-data-field-policy-version = Privacy policy version agreed to
my-data-field-invited-by-friend = Joined through a friend's invitation
my-data-field-invited-friends = Friends who joined through your link
my-data-section-consents = Consents
my-data-consent-line = { $time } · { $kind ->
    [processing] Processing of personal data
   *[marketing] Offers and news
} · { $granted ->
    [yes] given
   *[no] refused or withdrawn
} · policy version { $version }
my-data-section-ledger = Card operations
my-data-ledger-line = { $time } · { $type ->
    [stamp] stamp for a visit
    [bonus] bonus stamps
    [reward] card complete: reward
    [redeem] reward redeemed
    [undo] correction by staff
   *[expire] reward expired
} · stamps { $stamps }, rewards { $rewards }
my-data-section-reviews = Reviews
my-data-review-line = { $time } · { $stars } ({ $rating }/5){ $hasComment ->
    [yes] {" "}· “{ $comment }”
   *[no] {""}
}
my-data-review-reply = { $time } · answer: “{ $text }”

## Staff: visits and rewards

staff-card-screen =
    🪪 Card { $number }
    👤 { $name } · { $phone }
    🔖 Stamps: { $stamps }/{ $size }
    🎁 Rewards available: { $rewards }
    🕒 Last visit: { $lastVisit }
staff-card-never = never
staff-card-cooldown = ⏳ Stamped recently: the next stamp is possible from { $time }.
staff-card-cap-reached = ⛔ This customer has reached today's stamp limit.
staff-card-link-foreign = This link opens a customer's card, and only our staff can use it. Send /start to see your own card.
staff-card-usage = Send the card number after the command, for example: /card ABCD-2345
staff-card-invalid = That does not look like a card number. It has 8 characters, for example ABCD-2345.
staff-button-stamp = +{ $count }
staff-button-redeem = 🎁 Redeem a reward
staff-button-cancel = Cancel
staff-button-done = Done
staff-button-undo = ↩️ Undo
staff-button-move = 📲 Move to new account
staff-move-allowed = 📲 { $name } ({ $phone }) can move this card to a new Telegram account for the next { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } (until { $time }). Ask them to open the bot on the new account with /start and share their phone number there when asked. It must be the same number, { $phone }: a different number cannot take this card.
staff-audit-card-moved = 📲 { $staff } moved card { $number } ({ $name } { $phone }) to a new Telegram account.
staff-find-usage = Send the last 4 digits of the customer's phone, and their first name if you know it, for example: /find 3456 Anna
staff-find-none = No card has a phone ending in { $digits }{ $withName ->
        [0] {""}
       *[other] {" "}and the first name { $name }
    }. Check the digits, or try without the name.
staff-find-results = Cards with a phone ending in { $digits }: tap the customer's card.{ $more ->
        [0] {""}
       *[other] {" "}Only the first ones are shown: add the first name to narrow it down.
    }
staff-button-undo-line = ↩️ Undo { $line }
staff-screen-closed = Card closed.
staff-stamped = { $count ->
    [one] ✅ { $count } stamp added.
   *[other] ✅ { $count } stamps added.
}
staff-stamped-reward = { $count ->
    [one] ✅ { $count } stamp added
   *[other] ✅ { $count } stamps added
} — 🎉 the card is full, a reward is earned!
staff-redeemed = 🎁 Reward redeemed. Please hand over: { $reward }.
staff-already-stamped = These stamps have already been added.
staff-already-redeemed = This reward has already been redeemed.
staff-undone = ↩️ Undone.
staff-audit-stamp = ✅ { $staff } → { $customer } ({ $number }): +{ $count } · { $stamps }/{ $size } · rewards: { $rewards }
staff-audit-stamp-reward = 🎉 { $staff } → { $customer } ({ $number }): +{ $count } · card full, reward earned · { $stamps }/{ $size } · rewards: { $rewards }
staff-audit-redeem = 🎁 { $staff } → { $customer } ({ $number }): reward redeemed · rewards left: { $rewards }
staff-audit-undo = ↩️ { $staff } undid an operation: { $customer } ({ $number }) · { $stamps }/{ $size } · rewards: { $rewards }
staff-audit-expire = ⌛ { $customer } ({ $number }): { $count ->
    [one] { $count } reward expired
   *[other] { $count } rewards expired
} · rewards: { $rewards }
staff-audit-undone-mark = ↩️ undone by { $staff }
staff-error-CardNotFound = No card found. Check the number, scan the QR code again, or search by the phone's last 4 digits: /find 3456
staff-error-OwnCard = You cannot stamp or redeem your own card. Please ask a colleague.
staff-error-NotStaff = Only staff can do this.
staff-error-TooManyStamps = { $max ->
    [one] At most { $max } stamp per visit.
   *[other] At most { $max } stamps per visit.
}
staff-error-CooldownActive = This card was stamped recently. The next stamp is possible from { $time }.
staff-error-DailyCapReached = { $left ->
    [0] This customer has reached today's limit ({ $cap }).
    [one] Only { $left } more stamp today (daily limit: { $cap }).
   *[other] Only { $left } more stamps today (daily limit: { $cap }).
}
staff-error-NoRewardAvailable = There is no reward on this card to redeem.
staff-error-ScreenExpired = This card screen is out of date. Please scan the card again.
staff-error-OperationNotFound = This operation was not found.
staff-error-NotUndoable = This operation cannot be undone.
staff-error-UndoExpired = { $minutes ->
    [one] Undo works only within { $minutes } minute.
   *[other] Undo works only within { $minutes } minutes.
}
staff-error-UndoForbidden = Only the staff member who did this, or an owner, can undo it.
staff-error-AlreadyUndone = This has already been undone.
staff-error-RewardAlreadyRedeemed = Cannot undo: the reward these stamps completed has already been redeemed.
visit-stamped = 🔖 { $count ->
    [one] +{ $count } stamp
   *[other] +{ $count } stamps
}! Your card: { $stamps }/{ $size }. { $left ->
    [one] { $left } more stamp
   *[other] { $left } more stamps
} to your reward: { $reward }.
visit-reward-earned = 🎉 { $count ->
    [one] +{ $count } stamp
   *[other] +{ $count } stamps
} — your card is full, and you have earned a reward: { $reward }! Rewards ready: { $rewards }. To redeem, show your card at the counter.
visit-redeemed = 🎁 Reward redeemed: { $reward }. Thank you for being with us! Rewards left on your card: { $rewards }.
visit-undone = ↩️ A correction on your card: staff undid the last operation. Your card: { $stamps }/{ $size }, rewards: { $rewards }.
visit-expired = ⌛ { $count ->
    [one] { $count } reward has expired: { $reward }.
   *[other] { $count } rewards have expired: { $reward }.
} Rewards ready: { $rewards }.
reward-expiry-given-up = ⚠️ Expired rewards could not be written off: it failed several times in a row. Nothing is lost: it is tried again the next time the bot starts or the settings are changed in /settings.

## Owner: settings, broadcasts, campaigns, statistics, export

owner-only = 🔒 This is for the owner of the program only.
settings-home = ⚙️ Program settings. Choose a section:
settings-invalid-stored = ⚠️ Some saved settings could not be read and are back to their defaults: { $fields }. Please check them and set them again if needed.
settings-section-card = 🔖 Stamps and reward
settings-section-limits = ⏱ Visit limits
settings-section-reviews = ⭐ Reviews
settings-section-referrals = 🤝 Invited friends
settings-section-campaigns = 📣 Campaigns and offers
settings-section-privacy = 🔐 Privacy and data
settings-section-fraud = 🚨 Fraud signals
settings-section-general = 🌍 Time zone and language
settings-section-title = ⚙️ { $section }
settings-section-hint = Tap a setting to change it.
settings-why-reviews = Why everyone is invited alike: Google and Yandex forbid asking only happy customers for public reviews ("review gating") and any reward for a review. So the bonus stamp is for the feedback given here in the bot, and the public review link (when you set one) is offered to every reviewer, whatever the rating, with no reward. Without a link, nobody is invited. Low ratings reach you privately at once, with a button to answer the customer.
settings-why-privacy = Why: Russian law (152-ФЗ) wants consent to the processing of personal data as its own document, and GDPR wants it specific and freely given. New customers agree to your privacy policy before they share their phone; offers are a separate, optional question. When your policy changes, raise its version: every customer is asked to agree again at their next message. Without a link, the bot shows its own policy text with your business name and contact. Retention erases customers with no visit for that many months, like their own deletion (0: never).
settings-why-fraud = The bot writes to you privately, at most once a day per signal, when: a customer gets more visits in a day than the limit; one staff member stamps the same customer more often in a day than the limit; a staff member stamps far more than their usual day (this many times, from 10 visits on); a reward is redeemed within these minutes of being earned, by the same staff member. The daily summary lists the day's signals.
settings-line = { $label }: { $value }
settings-back = ⬅️ Back
settings-on = on
settings-off = off
settings-not-set = not set
settings-never = never
settings-value-stamps = { $count ->
    [one] { $count } stamp
   *[other] { $count } stamps
}
settings-value-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
settings-value-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
settings-field-stamps-per-reward = Stamps for a reward
settings-field-reward-name-en = Reward name in English
settings-field-reward-name-ru = Reward name in Russian
settings-field-reward-name-bg = Reward name in Bulgarian
settings-field-reward-expiry-days = Reward expires after
settings-field-cooldown-minutes = Pause between visits
settings-field-daily-cap = Stamps a day per customer
settings-field-max-stamps-per-visit = Most stamps for one visit
settings-field-review-delay-minutes = Ask for a review after
settings-field-review-bonus-stamps = Bonus for a review
settings-field-review-bonus-period-days = Review bonus once in
settings-field-public-review-url = Public review link
settings-field-referral-bonus-referrer = Bonus for inviting
settings-field-referral-bonus-friend = Bonus for the invited friend
settings-field-referral-monthly-cap = Bonus invitations a month
settings-field-win-back-days = “We miss you” after
settings-field-marketing-max-per-week = Offers a week, at most
settings-field-time-zone = Time zone
settings-field-business-name = Business name
settings-field-business-contact = Contact for data questions
settings-field-privacy-policy-url = Privacy policy link
settings-field-privacy-policy-version = Privacy policy version
settings-field-retention-months = Erase inactive after (months)
settings-field-fraud-customer-visits-per-day = Signal: customer visits a day
settings-field-fraud-staff-same-customer-per-day = Signal: staff+customer a day
settings-field-fraud-staff-rate-factor = Signal: × a usual staff day
settings-field-fraud-quick-redeem-minutes = Signal: quick redeem (min)
settings-campaign-reward-reminder = Unredeemed reward reminder
settings-campaign-almost-there = “Almost there” nudge
settings-campaign-win-back = “We miss you” message
settings-campaign-review-request = Review request
settings-campaign-daily-digest = Daily summary at 21:00
settings-field-staff-chat-locale = Staff chat language
settings-staff-chat-like-owner = the owner's language
settings-staff-chat-button = Staff chat: { $language }
settings-staff-chat-owner-button = Staff chat: like the owner
settings-staff-chat-saved = The staff chat now reads { $language }.
settings-ask-integer =
    { $label }
    Now: { $value }

    Send a whole number from { $min } to { $max }.
settings-ask-text =
    { $label }
    Now: { $value }

    Send the new text (up to { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
settings-ask-note =
    { $label }
    Now: { $value }

    Send the new text (up to { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }), or a dash (-) to remove it.
settings-ask-url =
    { $label }
    Now: { $value }

    Send a link starting with https:// — or a dash (-) to remove it.
settings-ask-time-zone =
    { $label }
    Now: { $value }

    Send a time zone such as Europe/Sofia, Europe/Moscow or Europe/London.
settings-stop-editing = ✖️ Leave it as it is
settings-edit-stopped = Nothing was changed.
settings-saved = ✅ Saved. { $label }: { $value }
settings-error-not-text = Please send the new value as a text message.
settings-error-not-integer = That is not a whole number. Please send a number from { $min } to { $max }.
settings-error-out-of-range = That number is out of range. Please send a number from { $min } to { $max }.
settings-error-text-length = The name must be 1 to { $max ->
    [one] { $max } character
   *[other] { $max } characters
} long. Please send a shorter one.
settings-error-url = That is not a web link. Send a link starting with https:// — or a dash (-) to remove it.
settings-error-time-zone = I do not know that time zone. Please send one like Europe/Sofia.
settings-error-rejected = This value does not fit the other settings. Nothing was changed.
broadcast-choose-segment =
    📣 New broadcast. Who should get it?
    (The numbers count only customers who agreed to receive offers.)
broadcast-segment-all = All who accept offers
broadcast-segment-active30 = Visited in last 30 days
broadcast-segment-lapsed30 = Away for 30+ days
broadcast-segment-close-to-reward = Close to a reward
broadcast-segment-never-visited = Never visited yet
broadcast-segment-button = { $count } · { $segment }
broadcast-segment-empty = Nobody in this group can receive offers right now. Please choose another group.
broadcast-nobody = 📣 Nobody can receive a broadcast yet: no customer has agreed to receive offers. Customers agree when they join, or later with 🔔 Notifications in their menu.
broadcast-abort = ✖️ Cancel
broadcast-aborted = The broadcast was cancelled. Nothing was sent.
broadcast-use-buttons = Please use the buttons of the last message.
broadcast-language-en = English
broadcast-language-ru = Russian
broadcast-language-bg = Bulgarian
broadcast-in-en = in English
broadcast-in-ru = in Russian
broadcast-in-bg = in Bulgarian
broadcast-ask-text =
    ✍️ Send the message { $language }. Customers whose language has no text of its own will get this one.
    To add a picture, send a photo with the text as its caption.
broadcast-ask-caption = 🖼 Got the photo. Now send the text to go with it (up to { $limit ->
    [one] { $limit } character
   *[other] { $limit } characters
}).
broadcast-ask-translation = ✍️ Send the message { $language } for { $count ->
        [one] { $count } customer
       *[other] { $count } customers
    }, or skip this step, and they will get the text { $fallback }.
broadcast-skip-language = Skip: send it { $fallback }
broadcast-error-not-text = Please send the message as text (or a photo with a caption). Stickers, voice messages and files cannot be broadcast.
broadcast-error-too-long = This message has { $length ->
    [one] { $length } character
   *[other] { $length } characters
}, and Telegram allows at most { $limit }. Please shorten it and send it again.
broadcast-error-caption-too-long = With a photo, Telegram allows at most { $limit ->
    [one] { $limit } character
   *[other] { $limit } characters
} of text, and this has { $length }. Please shorten it and send it again.
broadcast-error-photo-once = The photo is shared by all languages. Here, please send only the text.
broadcast-preview-header = 👀 { $language } preview: { $count ->
        [one] { $count } customer
       *[other] { $count } customers
    } will see this:
broadcast-preview-default-only = 👀 { $language } preview: nobody in this group speaks it now. Customers who join later in a language without its own text will see this:
broadcast-preview-fallback = 👀 { $language }: { $count ->
        [one] { $count } customer gets
       *[other] { $count } customers get
    } the text { $fallback }.
broadcast-ask-when =
    🕒 When should it go out? Tap a button, or send a date and time ({ $timeZone }),
    for example { $example } or 2026-12-24 18:30.
broadcast-when-now = 🚀 Now
broadcast-when-tomorrow = Tomorrow at 10:00
broadcast-error-time-not-text = Please tap a button, or send the date and time as text, for example 24.12 18:30.
broadcast-error-unreadable-time = I could not read that date and time. Please write it like { $example } or 2026-12-24 18:30.
broadcast-error-no-such-date = There is no such date or time. Please check the day, the month and the hour.
broadcast-error-past = { $at } ({ $timeZone }) has already passed. Please send a later date and time.
broadcast-error-too-far = That is more than a year ahead. Please choose a date within the next 12 months.
broadcast-error-time-passed = That time passed while we were talking. Please choose the time again.
broadcast-when-at = on { $at } ({ $timeZone })
broadcast-when-right-now = right now
broadcast-confirm =
    Everything is ready.
    Who: { $segment } ({ $count ->
        [one] { $count } customer
       *[other] { $count } customers
    })
    When: { $when }
    Send it?
broadcast-confirm-yes = ✅ Confirm
broadcast-scheduled = ✅ Scheduled for { $at } ({ $timeZone }). /broadcasts shows it and can cancel it.
broadcast-sending = ✅ Sending now. You will get a report when it is done.
broadcast-report =
    📣 The broadcast is finished.
    Sent: { $sent }
    Blocked the bot: { $blocked }
    Failed: { $failed }{ $unknown ->
        [0] {""}
       *[other] {" "}(of them interrupted while sending: { $unknown }; not repeated, so that nobody gets it twice)
    }
    Skipped (weekly limit of offers reached): { $skipped }
broadcast-report-cancelled =
    📣 The broadcast was cancelled. Before it stopped:
    Sent: { $sent }
    Blocked the bot: { $blocked }
    Failed: { $failed }{ $unknown ->
        [0] {""}
       *[other] {" "}(of them interrupted while sending: { $unknown })
    }
    Skipped (weekly limit of offers reached): { $skipped }
broadcasts-none = No broadcasts are scheduled. Start one with /broadcast.
broadcasts-title = { $count ->
        [one] One broadcast is scheduled or running:
       *[other] { $count } broadcasts are scheduled or running:
    }
broadcasts-item-scheduled =
    🕒 { $at } ({ $timeZone }) · { $segment }
    “{ $preview }”
broadcasts-item-sending =
    📤 Sending now · { $segment } · sent so far: { $sent }
    “{ $preview }”
broadcasts-cancel-button = ✖️ Cancel { $broadcast }
broadcasts-cancel-yes = Yes, cancel it
broadcasts-cancel-no = No, keep it
broadcasts-already-finished = This broadcast has already finished or been cancelled.
broadcasts-cancelled = ✅ Cancelled. Nobody will get it.
broadcasts-cancelled-running = ✅ Stopped. Customers not reached yet will not get it; you will get a report of what was sent.
broadcasts-kept = Kept.
campaign-reward-reminder = 🎁 A little reminder: { $rewards ->
        [one] { $rewards } reward is
       *[other] { $rewards } rewards are
    } waiting for you: { $reward }. Just show your card at the counter!
campaign-almost-there = 🔖 Almost there! Just { $missing ->
        [one] { $missing } more stamp
       *[other] { $missing } more stamps
    } to your reward: { $reward }. See you soon!
campaign-win-back = 👋 We miss you! It has been more than { $days ->
        [one] { $days } day
       *[other] { $days } days
    } since your last visit. Come by: your card is waiting, and so is your reward: { $reward }.
campaign-daily-digest =
    🌙 Today in numbers:
    New customers: { $newCustomers }
    Visits: { $visits }
    Rewards earned: { $rewardsIssued }, redeemed: { $rewardsRedeemed }
    Reviews: { $reviews ->
        [0] none
       *[other] { $reviews }, average rating { NUMBER($rating, maximumFractionDigits: 1) } ★
    }
digest-text = { $text }
digest-retention-erased = 🗑 Erased for long absence (no visit for the months set in /settings): { $count }
digest-fraud-alerts = 🚨 Signals today: { $count }
fraud-alert = { $text }
fraud-customer-visits = 🚨 { $customer } ({ $number }) has had { $count ->
    [one] { $count } stamped visit
   *[other] { $count } stamped visits
} today: more than { $limit }.
fraud-staff-same-customer = 🚨 { $staff } has stamped { $customer } ({ $number }) { $count ->
    [one] { $count } time
   *[other] { $count } times
} today: more than { $limit }.
fraud-staff-rate = 🚨 { $staff } has stamped { $count ->
    [one] { $count } visit
   *[other] { $count } visits
} today; their usual day is about { $limit }.
fraud-quick-redeem = 🚨 { $staff } redeemed a reward for { $customer } ({ $number }) { $count ->
    [0] right after
    [one] { $count } minute after
   *[other] { $count } minutes after
} stamping the visit that completed the card.
stats-text =
    📊 Statistics ({ $asOf })

    👥 Customers: { $customers } (new: { $new7 } in 7 days, { $new30 } in 30 days)
    🔥 Active in the last 30 days: { $active }
    🔖 Visits: { $visits30 } in 30 days, { $visitsTotal } in total
    🔁 Came back: { $visitors ->
        [0] no visits yet
        [one] { $repeatPercent }% ({ $returning } of { $visitors } visitor made 2+ visits)
       *[other] { $repeatPercent }% ({ $returning } of { $visitors } visitors made 2+ visits)
    }
    🎁 Rewards earned: { $issued30 } in 30 days, { $issuedTotal } in total
    ✅ Rewards redeemed: { $redeemed30 } in 30 days, { $redeemedTotal } in total
    🤝 Invited friends joined: { $referralsJoined }, came for a visit: { $referralsConverted }
    ⭐ Average rating: { $reviews ->
        [0] no reviews yet
       *[other] { NUMBER($rating, maximumFractionDigits: 1) } ({ $reviews ->
            [one] { $reviews } review
           *[other] { $reviews } reviews
        })
    }
stats-how-button = ❓ How is this counted?
stats-definitions =
    ❓ How the numbers are counted

    Everything is counted at the moment of /stats. “30 days” means the 30 × 24 hours before it.
    A visit is one visit confirmed by staff, however many stamps it gave. Anything taken back with Undo is not counted anywhere. Customers who deleted their data are no longer counted as customers, but their visits and rewards still count.

    👥 Customers: registered customers who have not deleted their data. New: of them, registered in the last 7 / 30 days.
    🔥 Active: customers with at least one visit in the last 30 days.
    🔖 Visits: in the last 30 days and since the start.
    🔁 Came back: of everyone who has ever visited, the share who visited at least twice.
    🎁 Rewards earned: each time stamps filled a card and became a reward (a reward taken back by Undo is not counted).
    ✅ Rewards redeemed: rewards redeemed at the counter.
    🤝 Invited friends: joined through someone's invite link; came for a visit: of them, those with at least one visit.
    ⭐ Average rating: the mean of all ratings (1–5) customers gave after their visits.
    📈 Chart: visits in each of the last 12 weeks, Monday to Sunday in your time zone; the last bar is the current week so far.
stats-chart-title = Visits per week, last { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
}
stats-chart-footnote = Weeks start on Monday ({ $timeZone }). The last bar is the current week so far.
stats-chart-caption = 📈 Visits per week, last { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
}
stats-staff-title = 👥 Stamped visits per staff member, last 30 days:
staff-name-with-id = { $name } (ID { $id })
staff-name-id-only = staff member { $id }
stats-staff-line = { $staff }: { $count }
stats-staff-none = No stamped visits in the last 30 days.
export-customers-caption = 👥 Customers (CSV, times in { $timeZone }). Opens in Excel, Google Sheets or Numbers.
export-ledger-caption = 📒 The ledger: every stamp, reward, redemption and undo (CSV, times in { $timeZone }).
broadcast-given-up = ⚠️ Sending a broadcast failed several times in a row and has stopped for now. It carries on by itself within a few minutes; /broadcasts shows how far it got and lets you cancel it.

## Reviews
review-ask = ⭐ How was your visit ({ $visit })? Please rate it from 1 to 5 — a single tap is enough.
review-your-rating = Your rating: { $stars }
review-thanks = Thank you for your rating! 🙏
review-bonus = 🎁 { $count ->
    [one] +{ $count } bonus stamp
   *[other] +{ $count } bonus stamps
} for your review.
review-bonus-later = The review bonus is given once every { $days ->
    [one] day
   *[other] { $days } days
}; the next one is possible from { $date }. This time — just a big thank you!
review-public-invite = If you wish, you can also share your experience publicly, whatever it was. It is entirely up to you.
review-button-public = 🌍 Write a public review
review-ask-comment = ✍️ Would you like to add a few words? Just type them here (up to { $max ->
    [one] { $max } character
   *[other] { $max } characters
}), or tap “Skip”.
review-button-skip = Skip
review-comment-thanks = Thank you! Your words have been passed on to the team.
review-skipped = Thank you! Your rating has been passed on to the team.
review-comment-too-long = That is a little too long: a review can have up to { $max ->
    [one] { $max } character
   *[other] { $max } characters
}, and this one has { $length }. Please shorten it and send it again, or tap “Skip”.
review-comment-not-text = Only text can be added to a review — stickers, photos and voice messages cannot. Please type a few words, or press “Skip”.
review-comment-too-late = Your rating has already been passed on to the team, so these words can no longer be added. Thank you all the same!
review-already-passed-on = Your rating has already been passed on to the team. Thank you!
review-already-rated = You have already rated this visit. Thank you!
review-visit-undone = This visit was cancelled at the counter, so there is nothing to rate.
review-not-yours = This button is not meant for you.
review-last-visit-rated = You have already rated your last visit — thank you! We will ask again after your next one.
review-staff-post =
    ⭐ Review { $stars } ({ $rating }/5) · { $customer } ({ $number }) · visit { $visit }{ $bonus ->
        [0] {""}
       *[other] {" "}· 🎁 bonus +{ $bonus }
    }
    { $hasComment ->
        [yes] 💬 “{ $comment }”
       *[no] (no comment)
    }
review-owner-low =
    ⚠️ Low rating { $stars } ({ $rating }/5): { $customer } ({ $number }), visit { $visit }
    { $hasComment ->
        [yes] 💬 “{ $comment }”
       *[no] (no comment)
    }
review-owner-reply-button = ↩️ Reply to the customer
review-owner-reply-ask = Write your answer to { $customer } in one message. They will receive it here in the bot, in the name of the business.
review-owner-reply-stop = ✖️ Don't reply
review-owner-reply-stopped = Nothing was sent.
review-owner-reply-not-text = Please send your answer as a text message.
review-owner-reply-too-long = That is too long: an answer can have up to { $max ->
    [one] { $max } character
   *[other] { $max } characters
}, and this one has { $length }. Please shorten it and send it again.
review-owner-reply-sent = ✅ Your answer has been sent to the customer.
review-owner-reply-gone = This customer can no longer be reached: they deleted their data or blocked the bot.
review-reply-to-customer =
    💬 An answer to your review from { $business }:

    { $text }
review-request-given-up = ⚠️ A customer could not be asked to rate their visit: sending failed several times in a row. Nothing to do: customers are asked again after their next visits.
review-publish-given-up = ⚠️ A customer's review could not be passed on to the staff group: it failed several times in a row. The rating itself is saved and counts in /stats.

## Referrals
invite-friend-bonus = Your friend gets { $count ->
    [one] { $count } bonus stamp
   *[other] { $count } bonus stamps
} on their first visit.
invite-came = { $count ->
    [0] None of them has visited us yet.
    [one] { $count } of them has already visited us.
   *[other] { $count } of them have already visited us.
}
referral-friend-bonus =
    🎁 Welcome! You came on a friend's invitation, so your first visit brings you { $count ->
        [one] { $count } bonus stamp
       *[other] { $count } bonus stamps
    }.
    { $card }
referral-referrer-bonus =
    🎉 { $friend } came for a first visit thanks to your invitation: { $count ->
        [one] +{ $count } bonus stamp
       *[other] +{ $count } bonus stamps
    } for you. Thank you for recommending us!
    { $card }
referral-referrer-capped = 🎉 { $friend } came for a first visit thanks to your invitation — thank you for recommending us! { $cap ->
    [0] Invitation bonuses are paused at the moment, so this one brings no stamp.
    [one] You have already received this month's limit of { $cap } invitation bonus, so this one brings no stamp.
   *[other] You have already received this month's limit of { $cap } invitation bonuses, so this one brings no stamp.
}
referral-friend-taken-back =
    ↩️ Your visit was cancelled at the counter, so the welcome bonus ({ $count ->
        [one] { $count } stamp
       *[other] { $count } stamps
    }) was taken back as well. It will come back with your next visit.
    { $card }
referral-referrer-taken-back =
    ↩️ The visit of { $friend } was cancelled at the counter, so the invitation bonus ({ $count ->
        [one] { $count } stamp
       *[other] { $count } stamps
    }) was taken back. It will come back when your friend visits us.
    { $card }
referral-staff-friend-bonus = 🤝 { $customer } ({ $number }): +{ $count } · welcome bonus, first visit on an invitation from { $referrer }
referral-staff-referrer-bonus = 🤝 { $customer } ({ $number }): +{ $count } · invitation bonus, first visit of { $friend }
referral-staff-referrer-capped = 🤝 { $customer } ({ $number }): no invitation bonus for the first visit of { $friend }, the monthly limit ({ $cap }) is reached
referral-staff-taken-back = ↩️ { $customer } ({ $number }): −{ $count } · invitation bonus taken back, the first visit was undone
referral-reconcile-given-up = ⚠️ The invitation bonuses for a friend's visit could not be settled: it failed several times in a row. Nobody got a bonus twice. Please let whoever runs the bot know: the log has the details.

## Set-up: the first owner, the staff chat, who am I

setup-whoami = Your Telegram ID: { $id }
    Role: { $role ->
        [owner] owner
        [staff] staff
        [customer] customer
       *[none] not registered yet
    }
setup-whoami-chat = This chat's ID: { $chat }
setup-claim-private = Send /claim with the code in a private chat with me, not in a group.
setup-claim-usage = Send the code printed in the bot's log at start, like this: /claim ABCDEFGH
setup-claim-done = ✅ You are now an owner of this bot.
    Next: add me to your staff group, make me an administrator there and send /staffchat in that group.
setup-claim-wrong = ❌ That code is not right. Copy it from the line “claim code” in the bot's log.
setup-claim-closed = This bot already has an owner. An owner can add more owners with OWNER_IDS in the configuration.
setup-claim-environment = Owners are set by OWNER_IDS in the bot's configuration. To become one, ask for your ID ({ $id }) to be added there.
setup-staffchat-private = Send /staffchat in your staff group (add me to the group first), not here.
setup-staffchat-done = ✅ This group is now the staff chat: everyone in it is staff and gets the visit lines here.
setup-staffchat-not-admin = ⚠️ I am not an administrator in this group yet. Open the group's settings → Administrators → add me, so that I can check who is a member.
setup-staffchat-environment = The staff chat is set by STAFF_CHAT_ID in the bot's configuration ({ $id }). Remove it there to choose the staff chat here.
setup-staffchat-offer = Is this your staff group? Make it the staff chat: everyone in it will be staff.
setup-staffchat-button = ✅ Make this the staff chat

# --- occasions ---
menu-birthday = 🎂 Birthday
welcome-bonus = 🎁 Welcome! { $count ->
    [one] +{ $count } bonus stamp is
   *[other] +{ $count } bonus stamps are
} already on your new card.
welcome-staff-bonus = 🎁 { $customer } ({ $number }): +{ $count } · welcome bonus, new card
birthday-ask = 🎂 One more question, if you like: when is your birthday? Only the day and month, never the year. Around your birthday, a visit brings { $count ->
    [one] +{ $count } bonus stamp
   *[other] +{ $count } bonus stamps
}, once a year.
birthday-choose-button = 🎂 Choose the date
birthday-change-button = ✏️ Change the date
birthday-skip-button = Skip
birthday-skipped = All right. You can add your birthday later under “🎂 Birthday” in the menu.
birthday-none = 🎂 You have not told us your birthday yet. We only ask for the day and month, never the year.
birthday-current = 🎂 Your birthday: { $date }.
birthday-program = From { $days ->
    [one] { $days } day
   *[other] { $days } days
} before to { $days ->
    [one] { $days } day
   *[other] { $days } days
} after your birthday, a visit brings { $count ->
    [one] +{ $count } bonus stamp
   *[other] +{ $count } bonus stamps
}, once a year.
birthday-program-day = On your birthday, a visit brings { $count ->
    [one] +{ $count } bonus stamp
   *[other] +{ $count } bonus stamps
}, once a year.
birthday-once-a-year = The date can be changed once a year.
birthday-changeable-from = The date can be changed once a year: the next time from { $from }.
birthday-pick-month = Choose the month of your birthday, or type the day and month, for example 24.05 for 24 May.
birthday-pick-day = { $month }: choose the day.
birthday-saved = ✅ Saved: your birthday is { $date }. The date can be changed once a year.
birthday-leap-day = In years without 29 February, we celebrate it on 28 February.
birthday-invalid = There is no such date. Please choose another day.
birthday-invalid-text = I could not read a date in that. Please type the day and month in numbers, for example 24.05 for 24 May.
birthday-no-year = Only the day and month, please, without the year: for example 24.05.
birthday-too-soon = The date of your birthday can be changed once a year. You can change it again from { $from }.
birthday-bonus = 🎂 Happy birthday! { $count ->
    [one] +{ $count } bonus stamp
   *[other] +{ $count } bonus stamps
} for your visit.
    { $card }
birthday-staff-bonus = 🎂 { $customer } ({ $number }): +{ $count } · birthday bonus
birthday-greeting = 🎂 Happy birthday, { $name }! Thank you for being with us.
birthday-greeting-offer = 🎂 Happy birthday, { $name }! Our gift to you: come by until { $until } and your visit brings { $count ->
    [one] +{ $count } bonus stamp
   *[other] +{ $count } bonus stamps
}.
settings-section-occasions = 🎂 Welcome and birthday
settings-field-welcome-bonus-stamps = Welcome bonus
settings-field-birthday-bonus-stamps = Birthday bonus
settings-field-birthday-window-days = Birthday: days before/after
settings-why-occasions = The welcome bonus goes on every new card, once per phone number ever: a customer who deletes their data and registers again does not get it again (for this the bot keeps a salted hash of the number, never the number). The birthday bonus comes with a visit from that many days before to that many days after the customer's birthday, once a year; customers give only the day and month, and can change the date once a year. On the day at 10:00 your time, customers who agreed to offers get a greeting. A customer born on 29 February is celebrated on 28 February in other years. 0 stamps: no bonus (and no birthday greetings).
my-data-field-birthday = Birthday (day and month)
birthday-taken-back =
    ↩️ Your visit was cancelled at the counter, so the birthday bonus ({ $count ->
        [one] { $count } stamp
       *[other] { $count } stamps
    }) was taken back as well. Another visit around your birthday can still earn it.
    { $card }
birthday-staff-taken-back = ↩️ { $customer } ({ $number }): −{ $count } · birthday bonus taken back, the visit was undone
birthday-greetings-given-up = ⚠️ Some of today's birthday greetings could not be sent: several attempts in a row failed. Nobody got a greeting twice, and tomorrow's greetings go out as usual. Please let whoever runs the bot know: the log has the details.
birthday-bonus-given-up = ⚠️ A birthday bonus for a visit could not be settled: several attempts in a row failed. Nobody got it twice. Please let whoever runs the bot know: the log has the details.
