### Всички думи, които клиентът, служителят и собственикът четат на български.
### Термини и форми на обръщение: locales/GLOSSARY.md (карта, печат, награда, спечелвам, използвам,
### отмяна, посещение, оферта, служител, собственик, клиент). Числата — само с множествено число
### през селектор (one/other); бутоните — до 32 знака, с отглаголни съществителни; кавички „…“.

## Common

start-welcome = Здравейте, { $name }! Това е нашата карта за лоялност: събирайте печати за посещенията си и получавайте награди.
help-text =
    Този бот е нашата карта за лоялност.
    /start — вашата карта
    /help — тази помощ
    /cancel — прекратява текущото действие
    /delete — изтриване на всичко, което ботът пази за вас
    /language — смяна на езика
cancel-done = Отменено. Нищо не е променено.
unhandled-message = Извинете, не разбрах. Изпратете /help, за да видите какво мога.
unhandled-button = Този бутон вече не работи.
error-unexpected = Съжаляваме, нещо се обърка при нас. Опитайте отново.
error-try-again = Имаме кратка техническа пауза. Опитайте отново след минута.
jobs-given-up = ⚠️ Фонова задача ({ $job }) се провали няколко пъти подред и опитите са прекратени. Моля, кажете на човека, който поддържа бота: подробностите са в дневника.

## Command menu

command-start = Вашата карта за лоялност
command-help = Какво може този бот
command-cancel = Прекратяване на текущото действие
command-delete = Изтриване на данните ми
command-language = Смяна на езика
command-settings = Настройки на програмата
command-broadcast = Изпращане на оферта до клиентите
command-broadcasts = Насрочени съобщения
command-stats = Статистика на програмата
command-export = Експорт на клиентите и дневника (CSV)

## Customers: onboarding, the card and the menu

onboarding-welcome =
    Здравейте, { $name }! Това е нашата карта за лоялност: събирайте печати за посещенията си и получавайте награди.

    Изберете език:
onboarding-program =
    Ето как работи:
    • Покажете QR кода на картата си на касата и служителят ще ви постави печат за посещението.
    • Съберете { $stamps ->
        [one] { $stamps } печат
       *[other] { $stamps } печата
    } и получете награда: { $reward }.
    • Наградите се натрупват, а картата е винаги тук, в Telegram, и не може да се изгуби.

    За да издам картата ви, ми трябва само телефонният ви номер.
onboarding-continue = Напред
onboarding-use-buttons = Моля, изберете с някой от бутоните:
onboarding-phone-ask = Натиснете бутона „Споделяне на номера“ отдолу. Номерът ни трябва само за картата ви и не го предоставяме на никого.
onboarding-phone-button = 📱 Споделяне на номера
onboarding-phone-use-button = За да издам картата ви, ми трябва телефонният ви номер. Натиснете бутона „Споделяне на номера“ отдолу.
onboarding-phone-typed = Моля, не въвеждайте номера ръчно: натиснете бутона „Споделяне на номера“ отдолу, за да потвърди Telegram, че номерът е ваш.
onboarding-phone-not-yours = Това е чужд контакт. Карта се издава само на собствения ви номер: натиснете „Споделяне на номера“ отдолу.
onboarding-phone-invalid = Не успях да разчета този номер. Опитайте отново с бутона „Споделяне на номера“ отдолу.
onboarding-phone-taken = Този телефонен номер вече има карта в друг профил в Telegram. Ако картата е ваша, покажете това съобщение на служител: той ще отвори картата ви и ще разреши преместването ѝ в този профил. След това споделете номера си тук отново с бутона по-долу.
onboarding-phone-received = Благодаря!
onboarding-privacy-ask =
    Преди да споделите телефонния си номер: пазим го заедно с името ви и потребителското ви име в Telegram само за картата ви за лоялност (печати, награди, съобщения за картата) и не го предаваме на никого. Отговорен за тези данни е { $business }.

    Моля, прочетете политиката за поверителност и дайте съгласие за обработване на личните ви данни. Можете да изтриете данните си по всяко време с /delete.
onboarding-privacy-agree = ✅ Съгласен(-на) съм
onboarding-privacy-read = 📄 Политика за поверителност
onboarding-privacy-decline = Не, благодаря
onboarding-privacy-declined = Добре: без това съгласие не можем да издадем карта, а номера ви не сме получавали. Ако размислите, изпратете /start. С /delete се изтрива и избраният от вас език.
onboarding-consent-ask = Последен въпрос: може ли от време на време да ви изпращаме оферти и новини? Можете да промените това по всяко време с бутона „Известия“.
onboarding-consent-yes = Да, изпращайте
onboarding-consent-no = Не, благодаря
onboarding-done = Картата ви е готова! Показвайте QR кода ѝ на касата при всяко посещение. Всичко останало е в менюто отдолу.
privacy-policy-contact-chat = съобщение в този чат
privacy-policy-text =
    📄 Политика за поверителност (версия { $version })

    Кой: програмата за лоялност се води от { $business }, който отговаря за данните ви. Връзка: { $contact }.

    Какво пазим: телефонния ви номер, името и фамилията и потребителското име от Telegram, идентификатора на профила ви в Telegram, избрания език, печатите и наградите на картата с часа и служителя при всяка операция, оценките и коментарите ви, отговорите ви за съгласие.

    Защо: за да издадем и водим картата ви за лоялност, да ви съобщаваме за печати и награди и — само ако сте се съгласили — да ви изпращаме оферти. Основанието е вашето съгласие.

    Кой ги вижда: нашите служители и собственикът, в Telegram. Не продаваме и не предаваме данните ви. Съобщенията се доставят от Telegram.

    Колко дълго: докато имате картата. { $months ->
        [0] {""}
       *[other] Ако няма посещение { $months } месеца, данните се изтриват автоматично.
    }

    Правата ви: да получите копие на данните си („Моите данни“ в менюто), да спрете офертите по всяко време, да оттеглите това съгласие и да изтриете данните си (/delete или „Изтриване на данните ми“). В общите числа на програмата операциите на картата ви остават без нищо, по което да ви разпознаят.

card-subtitle = Карта за лоялност
card-number-label = Номер на картата
card-progress = { $left ->
    [0] Печати: { $stamps } от { $total }. Наградата ви очаква: { $reward }!
    [one] Печати: { $stamps } от { $total }. Още { $left } печат до наградата: { $reward }
   *[other] Печати: { $stamps } от { $total }. Още { $left } печата до наградата: { $reward }
}
card-rewards-ready = Награди за получаване: { $count }
card-hint = Покажете този QR код на касата
card-caption = 💳 Вашата карта { $number }

menu-card = 💳 Моята карта
menu-rewards = 🎁 Награди
menu-invite = 👫 Покана за приятели
menu-review = ⭐ Оставяне на отзив
menu-language = 🌐 Език
menu-notifications = 🔔 Известия
menu-delete = 🗑 Изтриване на данните ми
menu-my-data = 📄 Моите данни
menu-not-registered = Все още нямате карта. Изпратете /start, за да получите карта: отнема минута.
move-card-done = ✅ Добре дошли отново! Картата ви с всички печати и награди вече е в този профил.
move-card-old-account = Картата ви за лоялност е преместена в новия ви профил в Telegram, както помолихте на касата. Този профил вече няма карта. Ако не сте молили за това, моля, кажете на служителите ни.

rewards-available = { $count ->
    [one] Имате { $count } награда: { $reward }.
   *[other] Имате { $count } награди: { $reward }.
} За да използвате награда, покажете картата си на касата.
rewards-none = Все още нямате награди.

invite-link =
    Вашият личен линк за покана:
    { $link }

    Изпратете го на приятели: той отваря този бот и те получават своя карта.
invite-bonus = Когато приятел, дошъл чрез вашия линк, ни посети за първи път, получавате { $count ->
    [one] { $count } бонус печат
   *[other] { $count } бонус печата
}.
invite-joined = { $count ->
    [0] Все още никой от приятелите ви не се е присъединил.
    [one] Присъедини се { $count } приятел.
   *[other] Присъединиха се { $count } приятели.
}

review-after-visit = След следващото ви посещение ще ви помолим да го оцените от 1 до 5 — с едно докосване. Благодарим, че ни помагате да ставаме по-добри!

language-choose = Изберете език:
language-changed = Готово! Отсега нататък ще ви пиша на български.

notifications-on = 🔔 Офертите и новините са включени. Пишем рядко и само когато си струва.
notifications-off = 🔕 Офертите и новините са изключени. Съобщенията за картата ви (печати и награди) продължават да идват.
notifications-turn-on = Включване
notifications-turn-off = Изключване
offers-stop-button = 🔕 Без оферти
offers-stopped-short = Готово: повече без оферти.
offers-stopped = 🔕 Готово: повече няма да ви изпращаме оферти. Съобщенията за картата (печати и награди) продължават да идват. За да ги включите отново, натиснете „Известия“ в менюто.
consent-renew-ask = 📄 Политиката ни за поверителност е променена (версия { $version }). Моля, прочетете я и дайте съгласие, за да продължите да ползвате картата си. Ако не сте съгласни, можете да изтриете данните си с /delete.
consent-renew-thanks = Благодарим! Всичко е както преди: картата ви е в менюто отдолу.

delete-confirm = Ще изтрием телефонния ви номер, името и потребителското ви име, а картата ще спре да действа: печатите и наградите по нея ще бъдат загубени. Да изтрием ли данните ви?
delete-yes = Да, изтрийте ги
delete-no = Не, запазете картата
delete-done = Личните ви данни са изтрити. Благодарим, че бяхте с нас! Ако някога поискате нова карта, изпратете /start.
delete-kept = Добре, картата си остава при вас.
delete-expired = Това потвърждение е изтекло. Ако все още искате да изтриете данните си, натиснете отново „Изтриване на данните ми“.
delete-visitor-confirm = Нямате карта. Пазим само избрания от вас език и, ако сте започнали регистрация, недовършеното ѝ състояние. Да го изтрием ли?
delete-visitor-done = Готово: вече не пазим нищо за вас. Ако някога поискате карта, изпратете /start.
my-data-caption = 📄 Копие на всичко, което пазим за вас.
my-data-title = Моите данни в програмата за лоялност
my-data-as-of = Към { $time } ({ $timeZone })
my-data-none = —
my-data-yes = да
my-data-no = не
my-data-section-profile = Профил
my-data-field-first-name = Име
my-data-field-last-name = Фамилия
my-data-field-username = Потребителско име в Telegram
my-data-field-phone = Телефон
my-data-field-telegram-id = Идентификатор на профила в Telegram
my-data-field-language = Език
my-data-field-card-number = Номер на картата
my-data-field-registered = Картата е издадена
my-data-field-last-visit = Последно посещение
my-data-field-offers = Оферти и новини
my-data-field-policy-version = Приета версия на политиката за поверителност
my-data-field-invited-by-friend = Дошли по покана от приятел
my-data-field-invited-friends = Приятели, дошли по вашата връзка
my-data-section-consents = Съгласия
my-data-consent-line = { $time } · { $kind ->
    [processing] Обработване на лични данни
   *[marketing] Оферти и новини
} · { $granted ->
    [yes] дадено
   *[no] отказано или оттеглено
} · версия на политиката { $version }
my-data-section-ledger = Операции с картата
my-data-ledger-line = { $time } · { $type ->
    [stamp] печат за посещение
    [bonus] бонус печати
    [reward] пълна карта: награда
    [redeem] взета награда
    [undo] корекция от служител
   *[expire] изтекла награда
} · печати { $stamps }, награди { $rewards }
my-data-section-reviews = Отзиви
my-data-review-line = { $time } · { $stars } ({ $rating }/5){ $hasComment ->
    [yes] {" "}· „{ $comment }“
   *[no] {""}
}
my-data-review-reply = { $time } · отговор: „{ $text }“

## Staff: visits and rewards

staff-card-screen =
    🪪 Карта { $number }
    👤 { $name } · { $phone }
    🔖 Печати: { $stamps }/{ $size }
    🎁 Награди за използване: { $rewards }
    🕒 Последно посещение: { $lastVisit }
staff-card-never = още няма
staff-card-cooldown = ⏳ Наскоро е поставен печат: следващият е възможен от { $time }.
staff-card-cap-reached = ⛔ Дневният лимит на печати за този клиент е достигнат.
staff-card-link-foreign = Този линк отваря карта на клиент и може да се използва само от нашите служители. Изпратете /start, за да видите своята карта.
staff-card-usage = Напишете номера на картата след командата, например: /card ABCD-2345
staff-card-invalid = Това не прилича на номер на карта. Номерът е от 8 знака, например ABCD-2345.
staff-button-stamp = +{ $count }
staff-button-redeem = 🎁 Използване на награда
staff-button-cancel = Отказ
staff-button-done = Готово
staff-button-undo = ↩️ Отмяна
staff-button-move = 📲 Преместване в нов профил
staff-move-allowed = 📲 { $name } ({ $phone }) може да премести тази карта в нов профил в Telegram през следващите { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    } (до { $time }). Помолете клиента да отвори бота в новия профил с /start и да сподели там телефонния си номер, когато бъде помолен. Номерът трябва да е същият, { $phone }: с друг номер тази карта не може да бъде преместена.
staff-audit-card-moved = 📲 { $staff } премести карта { $number } ({ $name } { $phone }) в нов профил в Telegram.
staff-find-usage = Изпратете последните 4 цифри от телефона на клиента и името му, ако го знаете, например: /find 3456 Анна
staff-find-none = Няма карта с телефон, завършващ на { $digits }{ $withName ->
        [0] {""}
       *[other] {" "}и име { $name }
    }. Проверете цифрите или опитайте без името.
staff-find-results = Карти с телефон, завършващ на { $digits }: докоснете картата на клиента.{ $more ->
        [0] {""}
       *[other] {" "}Показани са само първите: добавете името, за да стесните търсенето.
    }
staff-button-undo-line = ↩️ Отмяна { $line }
staff-screen-closed = Картата е затворена.
staff-stamped = { $count ->
    [one] ✅ Добавен е { $count } печат.
   *[other] ✅ Добавени са { $count } печата.
}
staff-stamped-reward = { $count ->
    [one] ✅ Добавен е { $count } печат
   *[other] ✅ Добавени са { $count } печата
} — 🎉 картата е пълна, наградата е спечелена!
staff-redeemed = 🎁 Наградата е използвана. Дайте на клиента: { $reward }.
staff-already-stamped = Тези печати вече са добавени.
staff-already-redeemed = Тази награда вече е използвана.
staff-undone = ↩️ Отменено.
staff-audit-stamp = ✅ { $staff } → { $customer } ({ $number }): +{ $count } · { $stamps }/{ $size } · награди: { $rewards }
staff-audit-stamp-reward = 🎉 { $staff } → { $customer } ({ $number }): +{ $count } · картата е пълна, наградата е спечелена · { $stamps }/{ $size } · награди: { $rewards }
staff-audit-redeem = 🎁 { $staff } → { $customer } ({ $number }): наградата е използвана · остават награди: { $rewards }
staff-audit-undo = ↩️ { $staff } отмени операция: { $customer } ({ $number }) · { $stamps }/{ $size } · награди: { $rewards }
staff-audit-expire = ⌛ { $customer } ({ $number }): { $count ->
    [one] изтече { $count } награда
   *[other] изтекоха { $count } награди
} · награди: { $rewards }
staff-audit-undone-mark = ↩️ отменено от { $staff }
staff-error-CardNotFound = Картата не е намерена. Проверете номера, сканирайте QR кода отново или потърсете по последните 4 цифри на телефона: /find 3456
staff-error-OwnCard = Не можете да поставяте печати или да използвате награди по собствената си карта. Помолете колега.
staff-error-NotStaff = Само служителите могат да направят това.
staff-error-TooManyStamps = { $max ->
    [one] Най-много { $max } печат за посещение.
   *[other] Най-много { $max } печата за посещение.
}
staff-error-CooldownActive = На тази карта наскоро е поставен печат. Следващият е възможен от { $time }.
staff-error-DailyCapReached = { $left ->
    [0] Дневният лимит за този клиент ({ $cap }) е достигнат.
    [one] Днес може да се добави още само { $left } печат (дневен лимит: { $cap }).
   *[other] Днес може да се добавят още само { $left } печата (дневен лимит: { $cap }).
}
staff-error-NoRewardAvailable = По тази карта няма награда за използване.
staff-error-ScreenExpired = Този екран на картата е остарял. Сканирайте картата отново.
staff-error-OperationNotFound = Операцията не е намерена.
staff-error-NotUndoable = Тази операция не може да се отмени.
staff-error-UndoExpired = { $minutes ->
    [one] Отмяната е възможна само в рамките на { $minutes } минута.
   *[other] Отмяната е възможна само в рамките на { $minutes } минути.
}
staff-error-UndoForbidden = Може да я отмени само служителят, който я е направил, или собственик.
staff-error-AlreadyUndone = Това вече е отменено.
staff-error-RewardAlreadyRedeemed = Не може да се отмени: наградата, спечелена с тези печати, вече е използвана.
visit-stamped = 🔖 { $count ->
    [one] +{ $count } печат
   *[other] +{ $count } печата
}! Вашата карта: { $stamps }/{ $size } — { $left ->
    [one] остава още { $left } печат
   *[other] остават още { $left } печата
} до награда „{ $reward }“.
visit-reward-earned = 🎉 { $count ->
    [one] +{ $count } печат
   *[other] +{ $count } печата
} — картата ви е пълна! Спечелихте награда „{ $reward }“. Награди за получаване: { $rewards }. За да използвате награда, покажете картата си на касата.
visit-redeemed = 🎁 Наградата „{ $reward }“ е използвана. Благодарим, че сте с нас! Остават награди по картата: { $rewards }.
visit-undone = ↩️ Корекция по вашата карта: служител отмени последната операция. Вашата карта: { $stamps }/{ $size }, награди: { $rewards }.
visit-expired = ⌛ { $count ->
    [one] Изтече { $count } награда: { $reward }.
   *[other] Изтекоха { $count } награди: { $reward }.
} Награди за получаване: { $rewards }.
reward-expiry-given-up = ⚠️ Изтеклите награди не можаха да бъдат отписани: няколко опита подред се провалиха. Нищо не е изгубено: ще се опита отново при следващото стартиране на бота или след промяна на настройките в /settings.

## Owner: settings, broadcasts, campaigns, statistics, export

owner-only = 🔒 Това е достъпно само за собственика на програмата.
settings-home = ⚙️ Настройки на програмата. Изберете раздел:
settings-invalid-stored = ⚠️ Някои запазени настройки не можаха да бъдат прочетени и са върнати към стойностите по подразбиране: { $fields }. Моля, проверете ги и ги задайте отново при нужда.
settings-section-card = 🔖 Печати и награда
settings-section-limits = ⏱ Ограничения на посещенията
settings-section-reviews = ⭐ Отзиви
settings-section-referrals = 🤝 Поканени приятели
settings-section-campaigns = 📣 Кампании и оферти
settings-section-privacy = 🔐 Данни и поверителност
settings-section-fraud = 🚨 Сигнали за злоупотреби
settings-section-general = 🌍 Часова зона и език
settings-section-title = ⚙️ { $section }
settings-section-hint = Докоснете настройка, за да я промените.
settings-why-reviews = Защо каним всички еднакво: Google и Yandex забраняват да се искат публични отзиви само от доволни клиенти („review gating“) и всяка награда за отзив. Затова бонус печатът е за отзива тук, в бота, а връзката за публичен отзив (ако сте я задали) получава всеки, който е дал оценка, каквато и да е тя, и без награда. Без връзка не каним никого. Ниските оценки идват веднага лично при вас, с бутон за отговор на клиента.
settings-why-privacy = Защо: руският закон (152-ФЗ) изисква съгласието за обработване на лични данни да е отделен документ, а GDPR — конкретно и доброволно съгласие. Новите клиенти приемат политиката ви за поверителност, преди да споделят телефона си; офертите са отделен въпрос, по желание. Когато политиката се промени, увеличете версията ѝ: всеки клиент ще бъде помолен да се съгласи отново при следващото си съобщение. Без връзка ботът показва собствен текст на политиката с името и контакта на заведението ви. Съхранение: клиенти без посещение толкова месеца се изтриват както при собственото им изтриване (0 — никога).
settings-why-fraud = Ботът ви пише лично, най-много веднъж на ден за всеки сигнал, когато: клиент има повече посещения за ден от лимита; един служител слага печати на един и същ клиент по-често от лимита за ден; служител слага толкова пъти повече печати от обичайния си ден (от 10 посещения нагоре); награда е дадена до толкова минути, след като е спечелена, от същия служител. Дневните сигнали са в ежедневното обобщение.
settings-line = { $label }: { $value }
settings-back = ⬅️ Назад
settings-on = вкл.
settings-off = изкл.
settings-not-set = не е зададено
settings-never = безсрочно
settings-value-stamps = { $count ->
    [one] { $count } печат
   *[other] { $count } печата
}
settings-value-minutes = { $count ->
    [one] { $count } минута
   *[other] { $count } минути
}
settings-value-days = { $count ->
    [one] { $count } ден
   *[other] { $count } дни
}
settings-field-stamps-per-reward = Печати до награда
settings-field-reward-name-en = Награда на английски
settings-field-reward-name-ru = Награда на руски
settings-field-reward-name-bg = Награда на български
settings-field-reward-expiry-days = Срок на наградата
settings-field-cooldown-minutes = Пауза между посещенията
settings-field-daily-cap = Печати на ден за клиент
settings-field-max-stamps-per-visit = Максимум печати наведнъж
settings-field-review-delay-minutes = Молба за отзив след
settings-field-review-bonus-stamps = Бонус за отзив
settings-field-review-bonus-period-days = Бонус за отзив веднъж на
settings-field-public-review-url = Линк за публичен отзив
settings-field-referral-bonus-referrer = Бонус за поканилия
settings-field-referral-bonus-friend = Бонус за поканения
settings-field-referral-monthly-cap = Бонусни покани на месец
settings-field-win-back-days = „Липсвате ни“ след
settings-field-marketing-max-per-week = Оферти седмично, максимум
settings-field-time-zone = Часова зона
settings-field-business-name = Име на заведението
settings-field-business-contact = Контакт за въпроси за данни
settings-field-privacy-policy-url = Линк към политиката
settings-field-privacy-policy-version = Версия на политиката
settings-field-retention-months = Изтриване след (месеци)
settings-field-fraud-customer-visits-per-day = Сигнал: посещения на клиент
settings-field-fraud-staff-same-customer-per-day = Сигнал: служител+клиент/ден
settings-field-fraud-staff-rate-factor = Сигнал: × обичайния ден
settings-field-fraud-quick-redeem-minutes = Сигнал: бързо използване
settings-campaign-reward-reminder = Напомняне за награда
settings-field-staff-chat-locale = Език на чата на служителите
settings-staff-chat-like-owner = езикът на собственика
settings-staff-chat-button = Чат на служителите: { $language }
settings-staff-chat-owner-button = Чат: езикът на собственика
settings-staff-chat-saved = Език на чата на служителите: { $language }.
settings-campaign-almost-there = „Остава съвсем малко“
settings-campaign-win-back = „Липсвате ни“
settings-campaign-review-request = Молба за отзив
settings-campaign-daily-digest = Обобщение на деня в 21:00
settings-ask-integer =
    { $label }
    Сега: { $value }

    Изпратете цяло число от { $min } до { $max }.
settings-ask-text =
    { $label }
    Сега: { $value }

    Изпратете новия текст (до { $max ->
        [one] { $max } знак
       *[other] { $max } знака
    }).
settings-ask-note =
    { $label }
    Сега: { $value }

    Изпратете новия текст (до { $max ->
        [one] { $max } знак
       *[other] { $max } знака
    }) или тире (-), за да го премахнете.
settings-ask-url =
    { $label }
    Сега: { $value }

    Изпратете линк, започващ с https://, или тире (-), за да премахнете линка.
settings-ask-time-zone =
    { $label }
    Сега: { $value }

    Изпратете часова зона, например Europe/Sofia, Europe/Moscow или Europe/London.
settings-stop-editing = ✖️ Без промяна
settings-edit-stopped = Нищо не е променено.
settings-saved = ✅ Запазено. { $label }: { $value }
settings-error-not-text = Моля, изпратете новата стойност като текстово съобщение.
settings-error-not-integer = Това не е цяло число. Изпратете число от { $min } до { $max }.
settings-error-out-of-range = Числото е извън допустимите граници. Изпратете число от { $min } до { $max }.
settings-error-text-length = Името трябва да е от 1 до { $max ->
    [one] { $max } знак
   *[other] { $max } знака
}. Изпратете по-кратко име.
settings-error-url = Това не е уеб линк. Изпратете линк, започващ с https://, или тире (-), за да премахнете линка.
settings-error-time-zone = Не познавам тази часова зона. Изпратете например Europe/Sofia.
settings-error-rejected = Тази стойност не пасва на останалите настройки. Нищо не е променено.
broadcast-choose-segment =
    📣 Ново съобщение до клиентите. На кого да го изпратим?
    (Броят включва само клиентите, които са се съгласили да получават оферти.)
broadcast-segment-all = Всички съгласни
broadcast-segment-active30 = Идвали скоро (30 дни)
broadcast-segment-lapsed30 = Не са идвали 30+ дни
broadcast-segment-close-to-reward = Близо до награда
broadcast-segment-never-visited = Още не са идвали
broadcast-segment-button = { $count } · { $segment }
broadcast-segment-empty = В тази група в момента няма никой, който може да получи оферта. Изберете друга група.
broadcast-nobody = 📣 Засега няма на кого да изпратите съобщение: нито един клиент не е съгласен да получава оферти. Клиентите се съгласяват при регистрацията или по-късно с бутона „🔔 Известия“ в менюто си.
broadcast-abort = ✖️ Отказ
broadcast-aborted = Съобщението е отменено. Нищо не е изпратено.
broadcast-use-buttons = Моля, използвайте бутоните на последното съобщение.
broadcast-language-en = английски
broadcast-language-ru = руски
broadcast-language-bg = български
broadcast-in-en = на английски
broadcast-in-ru = на руски
broadcast-in-bg = на български
broadcast-ask-text =
    ✍️ Изпратете текста на съобщението { $language }. Него ще получат и клиентите, за чийто език няма отделен текст.
    За да добавите картинка, изпратете снимка с текста като надпис.
broadcast-ask-caption = 🖼 Снимката е получена. Сега изпратете текста към нея (до { $limit ->
    [one] { $limit } знак
   *[other] { $limit } знака
}).
broadcast-ask-translation = ✍️ Изпратете текста { $language } за { $count ->
        [one] { $count } клиент
       *[other] { $count } клиенти
    } — или пропуснете тази стъпка и те ще получат текста { $fallback }.
broadcast-skip-language = Пропускане: текст { $fallback }
broadcast-error-not-text = Моля, изпратете текст (или снимка с надпис). Стикери, гласови съобщения и файлове не могат да се разпращат.
broadcast-error-too-long = Съобщението е от { $length ->
    [one] { $length } знак
   *[other] { $length } знака
}, а Telegram позволява най-много { $limit }. Моля, съкратете го и го изпратете отново.
broadcast-error-caption-too-long = Към снимка Telegram позволява най-много { $limit ->
    [one] { $limit } знак
   *[other] { $limit } знака
} текст, а тук са { $length }. Моля, съкратете го и го изпратете отново.
broadcast-error-photo-once = Снимката е обща за всички езици. Тук изпратете само текста.
broadcast-preview-header = 👀 Език: { $language }. Така съобщението ще { $count ->
        [one] види { $count } клиент
       *[other] видят { $count } клиенти
    }:
broadcast-preview-default-only = 👀 Език: { $language }. В момента никой в тази група не говори този език; така съобщението ще видят клиентите, които се присъединят по-късно и за чийто език няма отделен текст:
broadcast-preview-fallback = 👀 Език: { $language }. { $count ->
        [one] { $count } клиент ще получи
       *[other] { $count } клиенти ще получат
    } текста { $fallback }.
broadcast-ask-when =
    🕒 Кога да бъде изпратено? Докоснете бутон или изпратете дата и час ({ $timeZone }),
    например { $example } или 2026-12-24 18:30.
broadcast-when-now = 🚀 Сега
broadcast-when-tomorrow = Утре в 10:00
broadcast-error-time-not-text = Докоснете бутон или изпратете датата и часа като текст, например 24.12 18:30.
broadcast-error-unreadable-time = Не успях да разчета датата и часа. Напишете ги например така: { $example } или 2026-12-24 18:30.
broadcast-error-no-such-date = Такава дата или час не съществува. Проверете деня, месеца и часа.
broadcast-error-past = { $at } ({ $timeZone }) вече е минало. Изпратете по-късна дата и час.
broadcast-error-too-far = Това е повече от година напред. Изберете дата в следващите 12 месеца.
broadcast-error-time-passed = Докато си говорехме, този час вече мина. Изберете часа отново.
broadcast-when-at = на { $at } ({ $timeZone })
broadcast-when-right-now = веднага
broadcast-confirm =
    Всичко е готово.
    На кого: { $segment } ({ $count ->
        [one] { $count } клиент
       *[other] { $count } клиенти
    })
    Кога: { $when }
    Да го изпратя ли?
broadcast-confirm-yes = ✅ Потвърждаване
broadcast-scheduled = ✅ Насрочено за { $at } ({ $timeZone }). С /broadcasts можете да го видите или отмените.
broadcast-sending = ✅ Изпращаме. Ще получите отчет, когато приключим.
broadcast-report =
    📣 Изпращането приключи.
    Изпратени: { $sent }
    Блокирали бота: { $blocked }
    Неуспешни: { $failed }{ $unknown ->
        [0] {""}
       *[other] {" "}(от тях прекъснати по време на изпращане: { $unknown }; не са повторени, за да не получи никой съобщението два пъти)
    }
    Пропуснати (достигнат седмичен лимит на офертите): { $skipped }
broadcast-report-cancelled =
    📣 Изпращането е отменено. Преди спирането:
    Изпратени: { $sent }
    Блокирали бота: { $blocked }
    Неуспешни: { $failed }{ $unknown ->
        [0] {""}
       *[other] {" "}(от тях прекъснати по време на изпращане: { $unknown })
    }
    Пропуснати (достигнат седмичен лимит на офертите): { $skipped }
broadcasts-none = Няма насрочени съобщения. Започнете ново с /broadcast.
broadcasts-title = { $count ->
        [one] Насрочено или в процес на изпращане е { $count } съобщение:
       *[other] Насрочени или в процес на изпращане са { $count } съобщения:
    }
broadcasts-item-scheduled =
    🕒 { $at } ({ $timeZone }) · { $segment }
    „{ $preview }“
broadcasts-item-sending =
    📤 Изпраща се · { $segment } · изпратени досега: { $sent }
    „{ $preview }“
broadcasts-cancel-button = ✖️ Отмяна: { $broadcast }
broadcasts-cancel-yes = Да, отменете го
broadcasts-cancel-no = Не, оставете го
broadcasts-already-finished = Това съобщение вече е изпратено или отменено.
broadcasts-cancelled = ✅ Отменено. Никой няма да го получи.
broadcasts-cancelled-running = ✅ Спряно. Клиентите, до които още не е стигнало, няма да го получат; ще получите отчет за изпратеното.
broadcasts-kept = Оставено.
campaign-reward-reminder = 🎁 Малко напомняне: { $rewards ->
        [one] очаква ви { $rewards } награда
       *[other] очакват ви { $rewards } награди
    } — { $reward }. Покажете картата си на касата!
campaign-almost-there = 🔖 Остава съвсем малко! До награда „{ $reward }“ { $missing ->
        [one] ви остава само { $missing } печат
       *[other] ви остават само { $missing } печата
    }. Очакваме ви!
campaign-win-back = 👋 Липсвате ни! Минаха повече от { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    } от последното ви посещение. Заповядайте — картата ви чака, а с нея и наградата „{ $reward }“.
campaign-daily-digest =
    🌙 Денят в числа:
    Нови клиенти: { $newCustomers }
    Посещения: { $visits }
    Спечелени награди: { $rewardsIssued }, използвани: { $rewardsRedeemed }
    Отзиви: { $reviews ->
        [0] няма
       *[other] { $reviews }, средна оценка { NUMBER($rating, maximumFractionDigits: 1) } ★
    }
digest-text = { $text }
digest-retention-erased = 🗑 Изтрити поради дълго отсъствие (без посещение толкова месеца, колкото е зададено в /settings): { $count }
digest-fraud-alerts = 🚨 Сигнали днес: { $count }
fraud-alert = { $text }
fraud-customer-visits = 🚨 { $customer } ({ $number }) има днес { $count } { $count ->
    [one] посещение
   *[other] посещения
} с печат: повече от { $limit }.
fraud-staff-same-customer = 🚨 { $staff } е сложил(а) днес { $count } { $count ->
    [one] път
   *[other] пъти
} печат на { $customer } ({ $number }): повече от { $limit }.
fraud-staff-rate = 🚨 { $staff } е сложил(а) днес печати за { $count } { $count ->
    [one] посещение
   *[other] посещения
}; обичайният му/ѝ ден е около { $limit }.
fraud-quick-redeem = 🚨 { $staff } е дал(а) награда на { $customer } ({ $number }) { $count ->
    [0] веднага
    [one] { $count } минута
   *[other] { $count } минути
} след печата, с който картата се е напълнила.
stats-text =
    📊 Статистика ({ $asOf })

    👥 Клиенти: { $customers } (нови: { $new7 } за 7 дни, { $new30 } за 30 дни)
    🔥 Активни през последните 30 дни: { $active }
    🔖 Посещения: { $visits30 } за 30 дни, { $visitsTotal } общо
    🔁 Върнали се: { $visitors ->
        [0] още няма посещения
       *[other] { $repeatPercent }% ({ $returning } от { $visitors } са идвали 2 и повече пъти)
    }
    🎁 Спечелени награди: { $issued30 } за 30 дни, { $issuedTotal } общо
    ✅ Използвани награди: { $redeemed30 } за 30 дни, { $redeemedTotal } общо
    🤝 Поканени приятели: регистрирали се — { $referralsJoined }, дошли — { $referralsConverted }
    ⭐ Средна оценка: { $reviews ->
        [0] още няма отзиви
       *[other] { NUMBER($rating, maximumFractionDigits: 1) } ({ $reviews ->
            [one] { $reviews } отзив
           *[other] { $reviews } отзива
        })
    }
stats-how-button = ❓ Как се изчислява?
stats-definitions =
    ❓ Как се изчисляват числата

    Всичко се изчислява в момента на командата /stats. „30 дни“ означава 30 × 24 часа преди този момент.
    Посещение е едно посещение, потвърдено от служител, колкото и печата да е донесло. Отмененото с бутона „Отмяна“ не се брои никъде. Клиентите, изтрили данните си, вече не се броят за клиенти, но техните посещения и награди продължават да се броят.

    👥 Клиенти: регистрираните клиенти, които не са изтрили данните си. Нови: от тях регистрираните през последните 7 / 30 дни.
    🔥 Активни: клиентите с поне едно посещение през последните 30 дни.
    🔖 Посещения: през последните 30 дни и от самото начало.
    🔁 Върнали се: от всички, които някога са идвали, делът на тези, които са идвали поне два пъти.
    🎁 Спечелени награди: колко пъти печатите са напълнили карта и са станали награда (награда, отменена с „Отмяна“, не се брои).
    ✅ Използвани награди: наградите, използвани на касата.
    🤝 Поканени приятели: регистрирали се чрез нечия покана; дошли — тези от тях с поне едно посещение.
    ⭐ Средна оценка: средното на всички оценки (1–5), дадени от клиентите след посещенията им.
    📈 Графика: посещенията за всяка от последните 12 седмици, от понеделник до неделя във вашата часова зона; последният стълб е текущата седмица досега.
stats-chart-title = Посещения по седмици, { $weeks ->
    [one] последната { $weeks } седмица
   *[other] последните { $weeks } седмици
}
stats-chart-footnote = Седмиците започват в понеделник ({ $timeZone }). Последната колона е текущата седмица досега.
stats-chart-caption = 📈 Посещения по седмици, { $weeks ->
    [one] последната { $weeks } седмица
   *[other] последните { $weeks } седмици
}
stats-staff-title = 👥 Посещения с печат по служители, последните 30 дни:
staff-name-with-id = { $name } (№ { $id })
staff-name-id-only = служител № { $id }
stats-staff-line = { $staff }: { $count }
stats-staff-none = През последните 30 дни няма посещения с печат.
export-customers-caption = 👥 Клиенти (CSV, часовете са в { $timeZone }). Отваря се в Excel, Google Таблици или Numbers.
export-ledger-caption = 📒 Дневникът: всеки печат, спечелена и използвана награда и отмяна (CSV, часовете са в { $timeZone }).
broadcast-given-up = ⚠️ Изпращането на съобщението до клиентите се провали няколко пъти подред и засега е спряно. След няколко минути ще продължи само; в /broadcasts се вижда докъде е стигнало и там можете да го отмените.

## Reviews
review-ask = ⭐ Как мина посещението ви ({ $visit })? Оценете го от 1 до 5 — достатъчно е едно докосване.
review-your-rating = Вашата оценка: { $stars }
review-thanks = Благодарим за оценката! 🙏
review-bonus = 🎁 { $count ->
    [one] +{ $count } бонус печат
   *[other] +{ $count } бонус печата
} за отзива.
review-bonus-later = Бонусът за отзив се дава { $days ->
    [one] веднъж на ден
   *[other] веднъж на { $days } дни
}, следващият е възможен от { $date }. Този път — просто голямо благодаря!
review-public-invite = Ако желаете, можете да споделите впечатлението си и публично, каквото и да е то. Решението е изцяло ваше.
review-button-public = 🌍 Публичен отзив
review-ask-comment = ✍️ Искате ли да добавите няколко думи? Просто ги напишете тук (до { $max ->
    [one] { $max } знак
   *[other] { $max } знака
}) или натиснете „Пропускане“.
review-button-skip = Пропускане
review-comment-thanks = Благодарим! Думите ви са предадени на екипа.
review-skipped = Благодарим! Оценката ви е предадена на екипа.
review-comment-too-long = Малко е дълго: в отзива може да има до { $max ->
    [one] { $max } знак
   *[other] { $max } знака
}, а тук са { $length }. Моля, съкратете го и го изпратете отново или натиснете „Пропускане“.
review-comment-not-text = Към отзива може да се добави само текст — стикери, снимки и гласови съобщения не стават. Моля, напишете няколко думи или натиснете „Пропускане“.
review-comment-too-late = Оценката ви вече е предадена на екипа, затова тези думи не могат да бъдат добавени. Все пак благодарим!
review-already-passed-on = Оценката ви вече е предадена на екипа. Благодарим!
review-already-rated = Вече сте оценили това посещение. Благодарим!
review-visit-undone = Това посещение беше отменено на касата, така че няма какво да се оценява.
review-not-yours = Този бутон не е за вас.
review-last-visit-rated = Вече сте оценили последното си посещение — благодарим! Ще попитаме отново след следващото.
review-staff-post =
    ⭐ Отзив { $stars } ({ $rating }/5) · { $customer } ({ $number }) · посещение { $visit }{ $bonus ->
        [0] {""}
       *[other] {" "}· 🎁 бонус +{ $bonus }
    }
    { $hasComment ->
        [yes] 💬 „{ $comment }“
       *[no] (без коментар)
    }
review-owner-low =
    ⚠️ Ниска оценка { $stars } ({ $rating }/5): { $customer } ({ $number }), посещение { $visit }
    { $hasComment ->
        [yes] 💬 „{ $comment }“
       *[no] (без коментар)
    }
review-owner-reply-button = ↩️ Отговор на клиента
review-owner-reply-ask = Напишете отговора си до { $customer } в едно съобщение. Клиентът ще го получи тук, в бота, от името на заведението.
review-owner-reply-stop = ✖️ Без отговор
review-owner-reply-stopped = Нищо не е изпратено.
review-owner-reply-not-text = Моля, изпратете отговора като текстово съобщение.
review-owner-reply-too-long = Твърде дълго е: отговорът може да е до { $max ->
    [one] { $max } знак
   *[other] { $max } знака
}, а този е { $length }. Моля, съкратете го и го изпратете отново.
review-owner-reply-sent = ✅ Отговорът ви е изпратен на клиента.
review-owner-reply-gone = На този клиент вече не може да се пише: изтрил е данните си или е блокирал бота.
review-reply-to-customer =
    💬 Отговор на отзива ви от „{ $business }“:

    { $text }
review-request-given-up = ⚠️ Клиент не можа да бъде помолен да оцени посещението си: изпращането се провали няколко пъти подред. Не е нужно да правите нищо: клиентите ще бъдат попитани отново след следващите посещения.
review-publish-given-up = ⚠️ Отзивът на клиент не можа да бъде предаден на групата на персонала: няколко опита подред се провалиха. Самата оценка е запазена и се брои в /stats.

## Referrals
invite-friend-bonus = Вашият приятел получава { $count ->
    [one] { $count } бонус печат
   *[other] { $count } бонус печата
} при първото си посещение.
invite-came = { $count ->
    [0] Още никой от тях не ни е посетил.
    [one] { $count } от тях вече ни посети.
   *[other] { $count } от тях вече ни посетиха.
}
referral-friend-bonus =
    🎁 Добре дошли! Дойдохте по покана от приятел, затова първото ви посещение ви носи { $count ->
        [one] { $count } бонус печат
       *[other] { $count } бонус печата
    }.
    { $card }
referral-referrer-bonus =
    🎉 { $friend } дойде за първи път по ваша покана: { $count ->
        [one] +{ $count } бонус печат
       *[other] +{ $count } бонус печата
    } за вас. Благодарим, че ни препоръчвате!
    { $card }
referral-referrer-capped = 🎉 { $friend } дойде за първи път по ваша покана — благодарим, че ни препоръчвате! { $cap ->
    [0] В момента бонусите за покани са спрени, затова този път няма печат.
    [one] Този месец вече получихте максимума от { $cap } бонус за покана, затова този път няма печат.
   *[other] Този месец вече получихте максимума от { $cap } бонуса за покани, затова този път няма печат.
}
referral-friend-taken-back =
    ↩️ Посещението ви беше отменено на касата, затова бонусът за добре дошли ({ $count ->
        [one] { $count } печат
       *[other] { $count } печата
    }) също беше отнет. Ще се върне със следващото ви посещение.
    { $card }
referral-referrer-taken-back =
    ↩️ Посещението на { $friend } беше отменено на касата, затова бонусът за поканата ({ $count ->
        [one] { $count } печат
       *[other] { $count } печата
    }) беше отнет. Ще се върне, когато приятелят ви дойде при нас.
    { $card }
referral-staff-friend-bonus = 🤝 { $customer } ({ $number }): +{ $count } · бонус за нов клиент, първо посещение по покана от { $referrer }
referral-staff-referrer-bonus = 🤝 { $customer } ({ $number }): +{ $count } · бонус за покана, първо посещение на { $friend }
referral-staff-referrer-capped = 🤝 { $customer } ({ $number }): без бонус за първото посещение на { $friend } — месечният лимит ({ $cap }) е изчерпан
referral-staff-taken-back = ↩️ { $customer } ({ $number }): −{ $count } · бонусът за покана е отнет, първото посещение беше отменено
referral-reconcile-given-up = ⚠️ Бонусите за покана след посещение на приятел не можаха да бъдат начислени: няколко опита подред се провалиха. Никой не е получил бонус два пъти. Моля, кажете на човека, който поддържа бота: подробностите са в дневника.

## Set-up: the first owner, the staff chat, who am I

setup-whoami = Вашият ID в Telegram: { $id }
    Роля: { $role ->
        [owner] собственик
        [staff] служител
        [customer] клиент
       *[none] все още не сте регистрирани
    }
setup-whoami-chat = ID на този чат: { $chat }
setup-claim-private = Изпратете /claim с кода в личен чат с мен, а не в група.
setup-claim-usage = Изпратете кода, който ботът записа в журнала при стартиране, ето така: /claim ABCDEFGH
setup-claim-done = ✅ Вече сте собственик на този бот.
    Следва: добавете ме в групата на служителите, направете ме администратор и изпратете /staffchat там.
setup-claim-wrong = ❌ Кодът не е верен. Копирайте го от реда „claim code“ в журнала на бота.
setup-claim-closed = Този бот вече има собственик. Още собственици се добавят с OWNER_IDS в настройките на бота.
setup-claim-environment = Собствениците се задават в OWNER_IDS в настройките на бота. За да станете собственик, помолете да добавят там вашия ID ({ $id }).
setup-staffchat-private = Изпратете /staffchat в групата на служителите (първо ме добавете в нея), а не тук.
setup-staffchat-done = ✅ Тази група вече е чатът на служителите: всички в нея са служители и записите за посещенията идват тук.
setup-staffchat-not-admin = ⚠️ Все още не съм администратор в тази група. Отворете настройките на групата → Администратори → добавете ме, за да мога да проверявам кой членува в нея.
setup-staffchat-environment = Чатът на служителите е зададен в STAFF_CHAT_ID в настройките на бота ({ $id }). Махнете го оттам, за да изберете чата тук.
setup-staffchat-offer = Това ли е групата на вашите служители? Направете я чат на служителите: всички в нея ще бъдат служители.
setup-staffchat-button = ✅ Задаване за чат на служителите

# --- occasions ---
menu-birthday = 🎂 Рожден ден
welcome-bonus = 🎁 Добре дошли! На новата ви карта вече { $count ->
    [one] има +{ $count } бонус печат
   *[other] има +{ $count } бонус печата
}.
welcome-staff-bonus = 🎁 { $customer } ({ $number }): +{ $count } · бонус за добре дошли, нова карта
birthday-ask = 🎂 И още един въпрос, ако желаете: кога е рожденият ви ден? Само денят и месецът, без година. Около рождения ви ден посещението ви носи { $count ->
    [one] +{ $count } бонус печат
   *[other] +{ $count } бонус печата
} — веднъж годишно.
birthday-choose-button = 🎂 Избор на дата
birthday-change-button = ✏️ Промяна на датата
birthday-skip-button = Пропускане
birthday-skipped = Добре. Можете да добавите рождения си ден и по-късно — бутонът „🎂 Рожден ден“ в менюто.
birthday-none = 🎂 Все още не сте ни казали кога е рожденият ви ден. Питаме само за деня и месеца, никога за годината.
birthday-current = 🎂 Рожденият ви ден: { $date }.
birthday-program = От { $days ->
    [one] { $days } ден
   *[other] { $days } дни
} преди до { $days ->
    [one] { $days } ден
   *[other] { $days } дни
} след рождения ви ден посещението ви носи { $count ->
    [one] +{ $count } бонус печат
   *[other] +{ $count } бонус печата
} — веднъж годишно.
birthday-program-day = На рождения ви ден посещението ви носи { $count ->
    [one] +{ $count } бонус печат
   *[other] +{ $count } бонус печата
} — веднъж годишно.
birthday-once-a-year = Датата може да се променя веднъж годишно.
birthday-changeable-from = Датата може да се променя веднъж годишно: следващия път — от { $from }.
birthday-pick-month = Изберете месеца на рождения си ден или напишете деня и месеца с цифри, например 24.05 за 24 май.
birthday-pick-day = { $month }: изберете деня.
birthday-saved = ✅ Запазено: рожденият ви ден е { $date }. Датата може да се променя веднъж годишно.
birthday-leap-day = В годините без 29 февруари ще ви поздравяваме на 28 февруари.
birthday-invalid = Такава дата няма. Моля, изберете друг ден.
birthday-invalid-text = Не успях да разпозная датата. Моля, напишете деня и месеца с цифри, например 24.05 за 24 май.
birthday-no-year = Моля, само деня и месеца, без годината: например 24.05.
birthday-too-soon = Датата на рождения ден може да се променя веднъж годишно. Ще можете да я промените отново от { $from }.
birthday-bonus = 🎂 Честит рожден ден! { $count ->
    [one] +{ $count } бонус печат
   *[other] +{ $count } бонус печата
} за посещението ви.
    { $card }
birthday-staff-bonus = 🎂 { $customer } ({ $number }): +{ $count } · бонус за рожден ден
birthday-greeting = 🎂 Честит рожден ден, { $name }! Благодарим ви, че сте с нас.
birthday-greeting-offer = 🎂 Честит рожден ден, { $name }! Нашият подарък за вас: елате до { $until } включително и ще получите { $count ->
    [one] +{ $count } бонус печат
   *[other] +{ $count } бонус печата
} за посещението си.
settings-section-occasions = 🎂 Добре дошли и рожден ден
settings-field-welcome-bonus-stamps = Бонус за добре дошли
settings-field-birthday-bonus-stamps = Бонус за рожден ден
settings-field-birthday-window-days = Рожден ден: дни преди/след
settings-why-occasions = Бонусът за добре дошли се дава на всяка нова карта, но веднъж на телефонен номер завинаги: клиент, който е изтрил данните си и се регистрира отново, не го получава повторно (за целта ботът пази осолен хеш на номера, никога самия номер). Бонусът за рожден ден се дава за посещение от толкова дни преди до толкова дни след рождения ден на клиента, веднъж годишно; клиентите казват само деня и месеца и могат да променят датата веднъж годишно. В самия ден в 10:00 по вашето време клиентите, съгласни с оферти, получават поздрав. Родените на 29 февруари в другите години поздравяваме на 28 февруари. 0 печата — няма бонус (и няма поздрави).
my-data-field-birthday = Рожден ден (ден и месец)
birthday-taken-back =
    ↩️ Посещението ви беше отменено на касата, затова бонусът за рожден ден ({ $count ->
        [one] { $count } печат
       *[other] { $count } печата
    }) също беше отнет. Друго посещение около рождения ви ден все още може да ви го донесе.
    { $card }
birthday-staff-taken-back = ↩️ { $customer } ({ $number }): −{ $count } · бонусът за рожден ден е отнет, посещението беше отменено
birthday-greetings-given-up = ⚠️ Част от днешните поздрави за рожден ден не можаха да бъдат изпратени: няколко опита подред се провалиха. Никой не е поздравен два пъти, а утрешните поздрави ще излязат както обикновено. Моля, кажете на човека, който поддържа бота: подробностите са в дневника.
birthday-bonus-given-up = ⚠️ Бонусът за рожден ден за посещение не можа да бъде уреден: няколко опита подред се провалиха. Никой не го е получил два пъти. Моля, кажете на човека, който поддържа бота: подробностите са в дневника.
