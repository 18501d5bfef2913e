### Все слова, которые читают клиент, сотрудник и владелец на русском.
### Термины и формы обращения: locales/GLOSSARY.md (карта, штамп, награда, начислить, выдать,
### отменить, визит, предложение, сотрудник, владелец, клиент). Числа — только через плюральный
### селектор (one/few/many); кнопки — не длиннее 32 символов; кавычки «…».

## Common

start-welcome = Здравствуйте, { $name }! Это наша карта лояльности: собирайте штампы за визиты и получайте награды.
help-text =
    Этот бот — наша карта лояльности.
    /start — ваша карта
    /help — эта справка
    /cancel — прервать текущее действие
    /delete — удалить то, что бот о вас хранит
    /language — сменить язык
cancel-done = Отменено. Ничего не изменилось.
unhandled-message = Извините, я не понял. Отправьте /help, чтобы узнать, что я умею.
unhandled-button = Эта кнопка больше не работает.
error-unexpected = Извините, у нас что-то пошло не так. Попробуйте ещё раз.
error-try-again = У нас короткий технический перерыв. Попробуйте ещё раз через минуту.
jobs-given-up = ⚠️ Фоновая задача ({ $job }) несколько раз подряд завершилась ошибкой, попытки прекращены. Сообщите, пожалуйста, тому, кто обслуживает бота: подробности есть в журнале.

## Command menu

command-start = Ваша карта лояльности
command-help = Что умеет этот бот
command-cancel = Прервать текущее действие
command-delete = Удалить мои данные
command-language = Сменить язык
command-settings = Настройки программы
command-broadcast = Отправить предложение клиентам
command-broadcasts = Запланированные рассылки
command-stats = Статистика программы
command-export = Выгрузить клиентов и журнал (CSV)

## Customers: onboarding, the card and the menu

onboarding-welcome =
    Здравствуйте, { $name }! Это наша карта лояльности: собирайте штампы за визиты и получайте награды.

    Выберите язык:
onboarding-program =
    Как это работает:
    • Покажите QR-код карты на кассе — сотрудник поставит штамп за визит.
    • Соберите { $stamps ->
        [one] { $stamps } штамп
        [few] { $stamps } штампа
       *[many] { $stamps } штампов
    } и получите награду: { $reward }.
    • Награды копятся, а карта всегда здесь, в Telegram, — её не потерять.

    Чтобы выпустить карту, мне нужен только ваш номер телефона.
onboarding-continue = Продолжить
onboarding-use-buttons = Пожалуйста, выберите вариант кнопкой ниже:
onboarding-phone-ask = Нажмите кнопку «Поделиться номером» внизу. Номер нужен только для вашей карты, мы никому его не передаём.
onboarding-phone-button = 📱 Поделиться номером
onboarding-phone-use-button = Чтобы выпустить карту, нужен ваш номер телефона. Нажмите кнопку «Поделиться номером» внизу.
onboarding-phone-typed = Пожалуйста, не вводите номер вручную: нажмите кнопку «Поделиться номером» внизу — так Telegram подтвердит, что номер ваш.
onboarding-phone-not-yours = Это чужой контакт. Карту можно выпустить только на ваш собственный номер: нажмите «Поделиться номером» внизу.
onboarding-phone-invalid = Не удалось распознать этот номер. Попробуйте ещё раз кнопкой «Поделиться номером» внизу.
onboarding-phone-taken = Этот номер телефона уже привязан к карте на другом аккаунте Telegram. Если это ваша карта, покажите это сообщение сотруднику: он откроет вашу карту и разрешит перенести её на этот аккаунт. После этого поделитесь номером здесь ещё раз кнопкой ниже.
onboarding-phone-received = Спасибо!
onboarding-privacy-ask =
    Прежде чем вы поделитесь номером телефона: мы храним его вместе с вашим именем и именем пользователя в Telegram только для вашей карты лояльности (штампы, награды, сообщения о карте) и никому не передаём. Ответственный за эти данные — { $business }.

    Пожалуйста, прочитайте политику конфиденциальности и дайте согласие на обработку персональных данных. Удалить свои данные можно в любой момент командой /delete.
onboarding-privacy-agree = ✅ Согласен(-на)
onboarding-privacy-read = 📄 Политика конфиденциальности
onboarding-privacy-decline = Нет, спасибо
onboarding-privacy-declined = Хорошо: без этого согласия мы не можем выдать карту, и ваш номер мы не получали. Если передумаете, отправьте /start. Команда /delete удалит и выбранный вами язык.
onboarding-consent-ask = Последний вопрос: можно иногда присылать вам предложения и новости? Это можно изменить в любой момент кнопкой «Уведомления».
onboarding-consent-yes = Да, присылайте
onboarding-consent-no = Нет, спасибо
onboarding-done = Ваша карта готова! Показывайте её QR-код на кассе при каждом визите. Всё остальное — в меню внизу.
privacy-policy-contact-chat = сообщение в этом чате
privacy-policy-text =
    📄 Политика конфиденциальности (версия { $version })

    Кто: программу лояльности ведёт { $business }; он же отвечает за ваши данные. Связь: { $contact }.

    Что мы храним: номер телефона, имя и фамилию и имя пользователя из Telegram, идентификатор аккаунта Telegram, выбранный язык, штампы и награды карты со временем и сотрудником каждой операции, ваши оценки и комментарии, ваши ответы о согласии.

    Зачем: чтобы выдать и вести вашу карту лояльности, сообщать о штампах и наградах и — только если вы согласились — присылать предложения. Основание обработки — ваше согласие.

    Кто видит: наши сотрудники и владелец, в Telegram. Мы не продаём и не передаём ваши данные. Сообщения доставляет Telegram.

    Как долго: пока у вас есть карта. { $months ->
        [0] {""}
       *[other] Если визитов не было { $months } мес., данные удаляются автоматически.
    }

    Ваши права: получить копию своих данных («Мои данные» в меню), в любой момент отказаться от предложений, отозвать это согласие и удалить данные (/delete или «Удалить мои данные»). В итогах программы операции вашей карты остаются без того, что позволяет вас узнать.

card-subtitle = Карта лояльности
card-number-label = Номер карты
card-progress = { $left ->
    [0] Штампы: { $stamps } из { $total }. Вас ждёт награда: { $reward }!
    [one] Штампы: { $stamps } из { $total }. До награды остался { $left } штамп: { $reward }
    [few] Штампы: { $stamps } из { $total }. До награды осталось { $left } штампа: { $reward }
   *[many] Штампы: { $stamps } из { $total }. До награды осталось { $left } штампов: { $reward }
}
card-rewards-ready = Наград к получению: { $count }
card-hint = Покажите этот QR-код на кассе
card-caption = 💳 Ваша карта { $number }

menu-card = 💳 Моя карта
menu-rewards = 🎁 Награды
menu-invite = 👫 Пригласить друзей
menu-review = ⭐ Оставить отзыв
menu-language = 🌐 Язык
menu-notifications = 🔔 Уведомления
menu-delete = 🗑 Удалить мои данные
menu-my-data = 📄 Мои данные
menu-not-registered = У вас пока нет карты. Отправьте /start, чтобы её получить, — это займёт минуту.
move-card-done = ✅ С возвращением! Ваша карта со всеми штампами и наградами теперь на этом аккаунте.
move-card-old-account = Ваша карта лояльности перенесена на ваш новый аккаунт Telegram, как вы попросили на кассе. У этого аккаунта больше нет карты. Если вы об этом не просили, пожалуйста, скажите нашим сотрудникам.

rewards-available = { $count ->
    [one] У вас { $count } награда: { $reward }.
    [few] У вас { $count } награды: { $reward }.
   *[many] У вас { $count } наград: { $reward }.
} Чтобы получить награду, покажите карту на кассе.
rewards-none = Наград пока нет.

invite-link =
    Ваша личная ссылка-приглашение:
    { $link }

    Отправьте её друзьям: она откроет этого бота, и они получат свою карту.
invite-bonus = Когда друг, пришедший по вашей ссылке, впервые придёт к нам, вы получите { $count ->
    [one] { $count } бонусный штамп
    [few] { $count } бонусных штампа
   *[many] { $count } бонусных штампов
}.
invite-joined = { $count ->
    [0] Пока никто из друзей не присоединился.
    [one] Присоединился { $count } друг.
    [few] Присоединились { $count } друга.
   *[many] Присоединились { $count } друзей.
}

review-after-visit = После вашего следующего визита мы попросим оценить его от 1 до 5 — одним нажатием. Спасибо, что помогаете нам становиться лучше!

language-choose = Выберите язык:
language-changed = Готово! Теперь я буду писать вам по-русски.

notifications-on = 🔔 Предложения и новости включены. Пишем редко и только по делу.
notifications-off = 🔕 Предложения и новости выключены. Сообщения о вашей карте (штампы и награды) приходят как обычно.
notifications-turn-on = Включить
notifications-turn-off = Выключить
offers-stop-button = 🔕 Не присылать предложения
offers-stopped-short = Готово: предложений больше не будет.
offers-stopped = 🔕 Готово: больше не будем присылать вам предложения. Сообщения о карте (штампы и награды) по-прежнему приходят. Чтобы снова их включить, нажмите «Уведомления» в меню.
consent-renew-ask = 📄 Наша политика конфиденциальности изменилась (версия { $version }). Пожалуйста, прочитайте её и дайте согласие, чтобы и дальше пользоваться картой. Если вы не согласны, удалить свои данные можно командой /delete.
consent-renew-thanks = Спасибо! Всё как прежде: ваша карта — в меню ниже.

delete-confirm = Мы удалим ваш номер телефона, имя и имя пользователя, а карта перестанет действовать: её штампы и награды пропадут. Удалить ваши данные?
delete-yes = Да, удалить
delete-no = Нет, оставить карту
delete-done = Ваши личные данные удалены. Спасибо, что были с нами! Если захотите новую карту, отправьте /start.
delete-kept = Хорошо, карта остаётся с вами.
delete-expired = Это подтверждение устарело. Если вы всё ещё хотите удалить данные, нажмите «Удалить мои данные» ещё раз.
delete-visitor-confirm = У вас нет карты. Мы храним только выбранный вами язык и, если вы начинали регистрацию, её незаконченное состояние. Удалить это?
delete-visitor-done = Готово: мы больше ничего о вас не храним. Если захотите карту, отправьте /start.
my-data-caption = 📄 Копия всего, что мы о вас храним.
my-data-title = Мои данные в программе лояльности
my-data-as-of = По состоянию на { $time } ({ $timeZone })
my-data-none = —
my-data-yes = да
my-data-no = нет
my-data-section-profile = Профиль
my-data-field-first-name = Имя
my-data-field-last-name = Фамилия
my-data-field-username = Имя пользователя в Telegram
my-data-field-phone = Телефон
my-data-field-telegram-id = Идентификатор аккаунта Telegram
my-data-field-language = Язык
my-data-field-card-number = Номер карты
my-data-field-registered = Карта выдана
my-data-field-last-visit = Последний визит
my-data-field-offers = Предложения и новости
my-data-field-policy-version = Принятая версия политики конфиденциальности
my-data-field-invited-by-friend = Пришли по приглашению друга
my-data-field-invited-friends = Друзей пришло по вашей ссылке
my-data-section-consents = Согласия
my-data-consent-line = { $time } · { $kind ->
    [processing] Обработка персональных данных
   *[marketing] Предложения и новости
} · { $granted ->
    [yes] дано
   *[no] не дано или отозвано
} · версия политики { $version }
my-data-section-ledger = Операции по карте
my-data-ledger-line = { $time } · { $type ->
    [stamp] штамп за визит
    [bonus] бонусные штампы
    [reward] карта заполнена: награда
    [redeem] награда получена
    [undo] исправление сотрудником
   *[expire] срок награды истёк
} · штампы { $stamps }, награды { $rewards }
my-data-section-reviews = Отзывы
my-data-review-line = { $time } · { $stars } ({ $rating }/5){ $hasComment ->
    [yes] {" "}· «{ $comment }»
   *[no] {""}
}
my-data-review-reply = { $time } · ответ: «{ $text }»

## Staff: visits and rewards

staff-card-screen =
    🪪 Карта { $number }
    👤 { $name } · { $phone }
    🔖 Штампы: { $stamps }/{ $size }
    🎁 Наград к выдаче: { $rewards }
    🕒 Последний визит: { $lastVisit }
staff-card-never = ещё не было
staff-card-cooldown = ⏳ Штамп ставили недавно: следующий можно поставить с { $time }.
staff-card-cap-reached = ⛔ Дневной лимит штампов для этого клиента исчерпан.
staff-card-link-foreign = Это ссылка на карту клиента, открыть её могут только наши сотрудники. Отправьте /start, чтобы увидеть свою карту.
staff-card-usage = Укажите номер карты после команды, например: /card ABCD-2345
staff-card-invalid = Это не похоже на номер карты. В номере 8 символов, например ABCD-2345.
staff-button-stamp = +{ $count }
staff-button-redeem = 🎁 Выдать награду
staff-button-cancel = Отмена
staff-button-done = Готово
staff-button-undo = ↩️ Отменить
staff-button-move = 📲 Перенести на новый аккаунт
staff-move-allowed = 📲 { $name } ({ $phone }) может перенести эту карту на новый аккаунт Telegram в ближайшие { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[other] { $minutes } минут
    } (до { $time }). Попросите клиента открыть бота на новом аккаунте командой /start и поделиться там номером телефона, когда бот попросит. Номер должен быть тем же, { $phone }: на другой номер эту карту перенести нельзя.
staff-audit-card-moved = 📲 Карта { $number } ({ $name } { $phone }) перенесена на новый аккаунт Telegram · { $staff }
staff-find-usage = Отправьте последние 4 цифры телефона клиента и, если знаете, его имя, например: /find 3456 Анна
staff-find-none = Нет карты с телефоном на { $digits }{ $withName ->
        [0] {""}
       *[other] {" "}и именем { $name }
    }. Проверьте цифры или попробуйте без имени.
staff-find-results = Карты с телефоном на { $digits }: нажмите на карту клиента.{ $more ->
        [0] {""}
       *[other] {" "}Показаны только первые: добавьте имя, чтобы сузить поиск.
    }
staff-button-undo-line = ↩️ Отменить { $line }
staff-screen-closed = Карта закрыта.
staff-stamped = { $count ->
    [one] ✅ Добавлен { $count } штамп.
    [few] ✅ Добавлено { $count } штампа.
   *[many] ✅ Добавлено { $count } штампов.
}
staff-stamped-reward = { $count ->
    [one] ✅ Добавлен { $count } штамп
    [few] ✅ Добавлено { $count } штампа
   *[many] ✅ Добавлено { $count } штампов
} — 🎉 карта заполнена, награда начислена!
staff-redeemed = 🎁 Награда выдана. Вручите клиенту: { $reward }.
staff-already-stamped = Эти штампы уже добавлены.
staff-already-redeemed = Эта награда уже выдана.
staff-undone = ↩️ Отменено.
staff-audit-stamp = ✅ { $staff } → { $customer } ({ $number }): +{ $count } · { $stamps }/{ $size } · наград: { $rewards }
staff-audit-stamp-reward = 🎉 { $staff } → { $customer } ({ $number }): +{ $count } · карта заполнена, награда начислена · { $stamps }/{ $size } · наград: { $rewards }
staff-audit-redeem = 🎁 { $staff } → { $customer } ({ $number }): награда выдана · осталось наград: { $rewards }
staff-audit-undo = ↩️ Операция отменена ({ $staff }): { $customer } ({ $number }) · { $stamps }/{ $size } · наград: { $rewards }
staff-audit-expire = ⌛ { $customer } ({ $number }): { $count ->
    [one] сгорела { $count } награда
    [few] сгорели { $count } награды
   *[many] сгорело { $count } наград
} · наград: { $rewards }
staff-audit-undone-mark = ↩️ отменено: { $staff }
staff-error-CardNotFound = Карта не найдена. Проверьте номер, отсканируйте QR-код ещё раз или найдите карту по последним 4 цифрам телефона: /find 3456
staff-error-OwnCard = Нельзя ставить штампы и выдавать награды по своей карте. Попросите коллегу.
staff-error-NotStaff = Это могут делать только сотрудники.
staff-error-TooManyStamps = { $max ->
    [one] Не больше { $max } штампа за визит.
   *[many] Не больше { $max } штампов за визит.
}
staff-error-CooldownActive = Штамп на эту карту ставили недавно. Следующий можно поставить с { $time }.
staff-error-DailyCapReached = { $left ->
    [0] Дневной лимит для этого клиента ({ $cap }) исчерпан.
    [one] Сегодня можно добавить ещё только { $left } штамп (дневной лимит: { $cap }).
    [few] Сегодня можно добавить ещё только { $left } штампа (дневной лимит: { $cap }).
   *[many] Сегодня можно добавить ещё только { $left } штампов (дневной лимит: { $cap }).
}
staff-error-NoRewardAvailable = На этой карте нет награды, которую можно выдать.
staff-error-ScreenExpired = Этот экран карты устарел. Отсканируйте карту ещё раз.
staff-error-OperationNotFound = Операция не найдена.
staff-error-NotUndoable = Эту операцию нельзя отменить.
staff-error-UndoExpired = { $minutes ->
    [one] Отменить можно только в течение { $minutes } минуты.
   *[many] Отменить можно только в течение { $minutes } минут.
}
staff-error-UndoForbidden = Отменить может только сотрудник, который провёл операцию, или владелец.
staff-error-AlreadyUndone = Это уже отменено.
staff-error-RewardAlreadyRedeemed = Нельзя отменить: награда, начисленная за эти штампы, уже выдана.
visit-stamped = 🔖 { $count ->
    [one] +{ $count } штамп
    [few] +{ $count } штампа
   *[many] +{ $count } штампов
}! Ваша карта: { $stamps }/{ $size } — до награды «{ $reward }» { $left ->
    [one] остался { $left } штамп
    [few] осталось { $left } штампа
   *[many] осталось { $left } штампов
}.
visit-reward-earned = 🎉 { $count ->
    [one] +{ $count } штамп
    [few] +{ $count } штампа
   *[many] +{ $count } штампов
} — карта заполнена, вам начислена награда «{ $reward }»! Наград к получению: { $rewards }. Чтобы получить награду, покажите карту на кассе.
visit-redeemed = 🎁 Награда «{ $reward }» выдана. Спасибо, что вы с нами! Осталось наград на карте: { $rewards }.
visit-undone = ↩️ Исправление по вашей карте: сотрудник отменил последнюю операцию. Ваша карта: { $stamps }/{ $size }, наград: { $rewards }.
visit-expired = ⌛ { $count ->
    [one] Истёк срок действия { $count } награды: { $reward }.
   *[many] Истёк срок действия { $count } наград: { $reward }.
} Наград к получению: { $rewards }.
reward-expiry-given-up = ⚠️ Не удалось списать истёкшие награды: несколько попыток подряд завершились ошибкой. Ничего не потеряно: это будет сделано снова при следующем запуске бота или после изменения настроек в /settings.

## Owner: settings, broadcasts, campaigns, statistics, export

owner-only = 🔒 Это доступно только владельцу программы.
settings-home = ⚙️ Настройки программы. Выберите раздел:
settings-invalid-stored = ⚠️ Некоторые сохранённые настройки не удалось прочитать, и они вернулись к значениям по умолчанию: { $fields }. Проверьте их и при необходимости задайте заново.
settings-section-card = 🔖 Штампы и награда
settings-section-limits = ⏱ Ограничения визитов
settings-section-reviews = ⭐ Отзывы
settings-section-referrals = 🤝 Приглашённые друзья
settings-section-campaigns = 📣 Рассылки и предложения
settings-section-privacy = 🔐 Данные и конфиденциальность
settings-section-fraud = 🚨 Сигналы о злоупотреблениях
settings-section-general = 🌍 Часовой пояс и язык
settings-section-title = ⚙️ { $section }
settings-section-hint = Нажмите на настройку, чтобы её изменить.
settings-why-reviews = Почему приглашаем всех одинаково: Google и Яндекс запрещают просить публичные отзывы только у довольных клиентов («review gating») и награждать за отзыв. Поэтому бонусный штамп — за отзыв здесь, в боте, а ссылку на публичный отзыв (если вы её указали) получает каждый, кто поставил оценку, какой бы она ни была, и без награды. Без ссылки никого не приглашаем. Низкие оценки сразу приходят вам лично, с кнопкой для ответа клиенту.
settings-why-privacy = Зачем: закон 152-ФЗ требует согласие на обработку персональных данных отдельным документом, а GDPR — конкретное и добровольное согласие. Новые клиенты соглашаются с вашей политикой конфиденциальности до того, как поделятся телефоном; предложения — отдельный вопрос, по желанию. Когда политика меняется, увеличьте номер версии: каждого клиента попросят согласиться снова при следующем сообщении. Без ссылки бот показывает свой текст политики с названием и контактом вашего заведения. Срок хранения: клиенты без визитов столько месяцев удаляются так же, как при их собственном удалении (0 — никогда).
settings-why-fraud = Бот пишет вам лично, не чаще раза в день на каждый сигнал, когда: у клиента за день больше визитов, чем лимит; один сотрудник ставит штампы одному клиенту чаще лимита за день; сотрудник ставит штампов во столько раз больше обычного дня (от 10 визитов); награду выдают в течение стольких минут после того, как её заработали, и тот же сотрудник. Сигналы дня есть в ежедневной сводке.
settings-line = { $label }: { $value }
settings-back = ⬅️ Назад
settings-on = вкл.
settings-off = выкл.
settings-not-set = не задано
settings-never = бессрочно
settings-value-stamps = { $count ->
    [one] { $count } штамп
    [few] { $count } штампа
   *[many] { $count } штампов
}
settings-value-minutes = { $count ->
    [one] { $count } минута
    [few] { $count } минуты
   *[many] { $count } минут
}
settings-value-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}
settings-field-stamps-per-reward = Штампов до награды
settings-field-reward-name-en = Награда по-английски
settings-field-reward-name-ru = Награда по-русски
settings-field-reward-name-bg = Награда по-болгарски
settings-field-reward-expiry-days = Срок действия награды
settings-field-cooldown-minutes = Пауза между визитами
settings-field-daily-cap = Штампов в день на клиента
settings-field-max-stamps-per-visit = Максимум штампов за визит
settings-field-review-delay-minutes = Просить отзыв через
settings-field-review-bonus-stamps = Бонус за отзыв
settings-field-review-bonus-period-days = Бонус за отзыв раз в
settings-field-public-review-url = Ссылка на публичный отзыв
settings-field-referral-bonus-referrer = Бонус пригласившему
settings-field-referral-bonus-friend = Бонус приглашённому
settings-field-referral-monthly-cap = Бонусных приглашений в месяц
settings-field-win-back-days = «Мы скучаем» через
settings-field-marketing-max-per-week = Предложений в неделю, макс.
settings-field-time-zone = Часовой пояс
settings-field-business-name = Название заведения
settings-field-business-contact = Контакт по вопросам данных
settings-field-privacy-policy-url = Ссылка на политику
settings-field-privacy-policy-version = Версия политики
settings-field-retention-months = Удалять без визитов (мес.)
settings-field-fraud-customer-visits-per-day = Сигнал: визиты клиента в день
settings-field-fraud-staff-same-customer-per-day = Сигнал: сотрудник+клиент/день
settings-field-fraud-staff-rate-factor = Сигнал: × обычного дня
settings-field-fraud-quick-redeem-minutes = Сигнал: быстрая выдача (мин)
settings-campaign-reward-reminder = Напоминание о награде
settings-campaign-almost-there = «Осталось чуть-чуть»
settings-campaign-win-back = «Мы скучаем»
settings-campaign-review-request = Просьба об отзыве
settings-campaign-daily-digest = Сводка за день в 21:00
settings-field-staff-chat-locale = Язык чата сотрудников
settings-staff-chat-like-owner = язык владельца
settings-staff-chat-button = Чат сотрудников: { $language }
settings-staff-chat-owner-button = Чат: язык владельца
settings-staff-chat-saved = Язык чата сотрудников: { $language }.
settings-ask-integer =
    { $label }
    Сейчас: { $value }

    Отправьте целое число от { $min } до { $max }.
settings-ask-text =
    { $label }
    Сейчас: { $value }

    Отправьте новый текст (до { $max ->
        [one] { $max } символа
       *[many] { $max } символов
    }).
settings-ask-note =
    { $label }
    Сейчас: { $value }

    Отправьте новый текст (до { $max ->
        [one] { $max } символа
       *[many] { $max } символов
    }) или прочерк (-), чтобы убрать его.
settings-ask-url =
    { $label }
    Сейчас: { $value }

    Отправьте ссылку, которая начинается с https://, или дефис (-), чтобы убрать ссылку.
settings-ask-time-zone =
    { $label }
    Сейчас: { $value }

    Отправьте часовой пояс, например Europe/Sofia, Europe/Moscow или Europe/London.
settings-stop-editing = ✖️ Оставить как есть
settings-edit-stopped = Ничего не изменено.
settings-saved = ✅ Сохранено. { $label }: { $value }
settings-error-not-text = Пожалуйста, отправьте новое значение текстовым сообщением.
settings-error-not-integer = Это не целое число. Отправьте число от { $min } до { $max }.
settings-error-out-of-range = Это число вне допустимого диапазона. Отправьте число от { $min } до { $max }.
settings-error-text-length = Название должно быть длиной от 1 до { $max ->
    [one] { $max } символа
   *[many] { $max } символов
}. Отправьте название покороче.
settings-error-url = Это не ссылка на сайт. Отправьте ссылку, которая начинается с https://, или дефис (-), чтобы убрать ссылку.
settings-error-time-zone = Такой часовой пояс мне неизвестен. Отправьте, например, Europe/Sofia.
settings-error-rejected = Это значение не сочетается с другими настройками. Ничего не изменено.
broadcast-choose-segment =
    📣 Новая рассылка. Кому её отправить?
    (В числах учтены только клиенты, согласившиеся получать предложения.)
broadcast-segment-all = Все, кто согласен
broadcast-segment-active30 = Были за 30 дней
broadcast-segment-lapsed30 = Не были 30+ дней
broadcast-segment-close-to-reward = Близки к награде
broadcast-segment-never-visited = Ещё не приходили
broadcast-segment-button = { $count } · { $segment }
broadcast-segment-empty = В этой группе сейчас нет никого, кому можно отправить предложение. Выберите другую группу.
broadcast-nobody = 📣 Рассылку пока некому отправить: ни один клиент не согласился получать предложения. Клиенты соглашаются при регистрации или позже — кнопкой «🔔 Уведомления» в своём меню.
broadcast-abort = ✖️ Отмена
broadcast-aborted = Рассылка отменена. Ничего не отправлено.
broadcast-use-buttons = Пожалуйста, воспользуйтесь кнопками последнего сообщения.
broadcast-language-en = английский
broadcast-language-ru = русский
broadcast-language-bg = болгарский
broadcast-in-en = по-английски
broadcast-in-ru = по-русски
broadcast-in-bg = по-болгарски
broadcast-ask-text =
    ✍️ Отправьте текст рассылки { $language }. Его получат и те клиенты, для чьего языка не будет своего текста.
    Чтобы добавить картинку, отправьте фото с текстом в подписи.
broadcast-ask-caption = 🖼 Фото получено. Теперь отправьте текст к нему (до { $limit ->
    [one] { $limit } символа
   *[many] { $limit } символов
}).
broadcast-ask-translation = ✍️ Отправьте текст { $language } для { $count ->
        [one] { $count } клиента
       *[many] { $count } клиентов
    } — или пропустите этот шаг, и они получат текст { $fallback }.
broadcast-skip-language = Пропустить: текст { $fallback }
broadcast-error-not-text = Пожалуйста, отправьте текст (или фото с подписью). Стикеры, голосовые сообщения и файлы разослать нельзя.
broadcast-error-too-long = В сообщении { $length ->
    [one] { $length } символ
    [few] { $length } символа
   *[many] { $length } символов
}, а Telegram допускает не больше { $limit }. Сократите его и отправьте ещё раз.
broadcast-error-caption-too-long = К фото Telegram допускает не больше { $limit ->
    [one] { $limit } символа
   *[many] { $limit } символов
} текста, а здесь { $length }. Сократите его и отправьте ещё раз.
broadcast-error-photo-once = Фото общее для всех языков. Здесь отправьте только текст.
broadcast-preview-header = 👀 Язык: { $language }. Так сообщение { $count ->
        [one] увидит { $count } клиент
        [few] увидят { $count } клиента
       *[many] увидят { $count } клиентов
    }:
broadcast-preview-default-only = 👀 Язык: { $language }. Сейчас в этой группе на нём никто не говорит; так сообщение увидят клиенты, которые появятся позже и для чьего языка нет своего текста:
broadcast-preview-fallback = 👀 Язык: { $language }. { $count ->
        [one] { $count } клиент получит
        [few] { $count } клиента получат
       *[many] { $count } клиентов получат
    } текст { $fallback }.
broadcast-ask-when =
    🕒 Когда отправить? Нажмите кнопку или отправьте дату и время ({ $timeZone }),
    например { $example } или 2026-12-24 18:30.
broadcast-when-now = 🚀 Сейчас
broadcast-when-tomorrow = Завтра в 10:00
broadcast-error-time-not-text = Нажмите кнопку или отправьте дату и время текстом, например 24.12 18:30.
broadcast-error-unreadable-time = Не получилось разобрать дату и время. Напишите, например, так: { $example } или 2026-12-24 18:30.
broadcast-error-no-such-date = Такой даты или времени не существует. Проверьте день, месяц и час.
broadcast-error-past = { $at } ({ $timeZone }) уже прошло. Отправьте более позднюю дату и время.
broadcast-error-too-far = Это больше чем через год. Выберите дату в ближайшие 12 месяцев.
broadcast-error-time-passed = Пока мы общались, это время уже прошло. Выберите время ещё раз.
broadcast-when-at = { $at } ({ $timeZone })
broadcast-when-right-now = прямо сейчас
broadcast-confirm =
    Всё готово.
    Кому: { $segment } ({ $count ->
        [one] { $count } клиент
        [few] { $count } клиента
       *[many] { $count } клиентов
    })
    Когда: { $when }
    Отправляем?
broadcast-confirm-yes = ✅ Подтвердить
broadcast-scheduled = ✅ Запланировано на { $at } ({ $timeZone }). Посмотреть или отменить: /broadcasts.
broadcast-sending = ✅ Отправляем. Когда закончим, пришлю отчёт.
broadcast-report =
    📣 Рассылка завершена.
    Отправлено: { $sent }
    Заблокировали бота: { $blocked }
    Не доставлено: { $failed }{ $unknown ->
        [0] {""}
       *[other] {" "}(из них прервано во время отправки: { $unknown }; не повторяли, чтобы никто не получил сообщение дважды)
    }
    Пропущено (достигнут недельный лимит предложений): { $skipped }
broadcast-report-cancelled =
    📣 Рассылка отменена. До остановки:
    Отправлено: { $sent }
    Заблокировали бота: { $blocked }
    Не доставлено: { $failed }{ $unknown ->
        [0] {""}
       *[other] {" "}(из них прервано во время отправки: { $unknown })
    }
    Пропущено (достигнут недельный лимит предложений): { $skipped }
broadcasts-none = Запланированных рассылок нет. Начать новую: /broadcast.
broadcasts-title = { $count ->
        [one] Запланирована или идёт { $count } рассылка:
        [few] Запланированы или идут { $count } рассылки:
       *[many] Запланировано или идёт { $count } рассылок:
    }
broadcasts-item-scheduled =
    🕒 { $at } ({ $timeZone }) · { $segment }
    «{ $preview }»
broadcasts-item-sending =
    📤 Идёт отправка · { $segment } · уже отправлено: { $sent }
    «{ $preview }»
broadcasts-cancel-button = ✖️ Отменить { $broadcast }
broadcasts-cancel-yes = Да, отменить
broadcasts-cancel-no = Нет, оставить
broadcasts-already-finished = Эта рассылка уже завершена или отменена.
broadcasts-cancelled = ✅ Отменено. Никто её не получит.
broadcasts-cancelled-running = ✅ Остановлено. Те, до кого рассылка ещё не дошла, её не получат; отчёт об отправленном придёт отдельно.
broadcasts-kept = Оставлено.
campaign-reward-reminder = 🎁 Небольшое напоминание: { $rewards ->
        [one] вас ждёт { $rewards } награда
        [few] вас ждут { $rewards } награды
       *[many] вас ждут { $rewards } наград
    } — { $reward }. Просто покажите карту на кассе!
campaign-almost-there = 🔖 Осталось совсем чуть-чуть! До награды «{ $reward }» { $missing ->
        [one] всего { $missing } штамп
        [few] всего { $missing } штампа
       *[many] всего { $missing } штампов
    }. Ждём вас!
campaign-win-back = 👋 Мы по вам скучаем! С вашего последнего визита прошло больше { $days ->
        [one] { $days } дня
       *[many] { $days } дней
    }. Заходите — ваша карта ждёт, а с ней и награда «{ $reward }».
campaign-daily-digest =
    🌙 Итоги дня:
    Новых клиентов: { $newCustomers }
    Визитов: { $visits }
    Наград начислено: { $rewardsIssued }, выдано: { $rewardsRedeemed }
    Отзывы: { $reviews ->
        [0] нет
       *[other] { $reviews }, средняя оценка { NUMBER($rating, maximumFractionDigits: 1) } ★
    }
digest-text = { $text }
digest-retention-erased = 🗑 Удалено за долгое отсутствие (нет визитов столько месяцев, сколько задано в /settings): { $count }
digest-fraud-alerts = 🚨 Сигналов сегодня: { $count }
fraud-alert = { $text }
fraud-customer-visits = 🚨 У клиента { $customer } ({ $number }) сегодня { $count } { $count ->
    [one] визит
    [few] визита
   *[many] визитов
} со штампом: больше { $limit }.
fraud-staff-same-customer = 🚨 { $staff } сегодня { $count } { $count ->
    [one] раз
    [few] раза
   *[many] раз
} ставил(-а) штамп клиенту { $customer } ({ $number }): больше { $limit }.
fraud-staff-rate = 🚨 { $staff } сегодня поставил(-а) штампы за { $count } { $count ->
    [one] визит
    [few] визита
   *[many] визитов
}; обычно за день около { $limit }.
fraud-quick-redeem = 🚨 { $staff } выдал(-а) награду клиенту { $customer } ({ $number }) { $count ->
    [0] сразу
    [one] через { $count } минуту
    [few] через { $count } минуты
   *[many] через { $count } минут
} после штампа, которым карта заполнилась.
stats-text =
    📊 Статистика ({ $asOf })

    👥 Клиентов: { $customers } (новых: { $new7 } за 7 дней, { $new30 } за 30 дней)
    🔥 Активных за последние 30 дней: { $active }
    🔖 Визитов: { $visits30 } за 30 дней, { $visitsTotal } всего
    🔁 Вернулись снова: { $visitors ->
        [0] визитов пока нет
       *[other] { $repeatPercent }% ({ $returning } из { $visitors } приходили 2 раза и больше)
    }
    🎁 Наград начислено: { $issued30 } за 30 дней, { $issuedTotal } всего
    ✅ Наград выдано: { $redeemed30 } за 30 дней, { $redeemedTotal } всего
    🤝 Приглашённые друзья: зарегистрировались — { $referralsJoined }, пришли — { $referralsConverted }
    ⭐ Средняя оценка: { $reviews ->
        [0] отзывов пока нет
       *[other] { NUMBER($rating, maximumFractionDigits: 1) } ({ $reviews ->
            [one] { $reviews } отзыв
            [few] { $reviews } отзыва
           *[many] { $reviews } отзывов
        })
    }
stats-how-button = ❓ Как это считается?
stats-definitions =
    ❓ Как считаются числа

    Всё считается в момент команды /stats. «30 дней» — это 30 × 24 часа до этого момента.
    Визит — один визит, подтверждённый сотрудником, сколько бы штампов он ни дал. То, что отменено кнопкой «Отменить», нигде не учитывается. Клиенты, удалившие свои данные, больше не считаются клиентами, но их визиты и награды по-прежнему учитываются.

    👥 Клиенты: зарегистрированные клиенты, которые не удалили свои данные. Новые: из них зарегистрированные за последние 7 / 30 дней.
    🔥 Активные: клиенты, у которых был хотя бы один визит за последние 30 дней.
    🔖 Визиты: за последние 30 дней и за всё время.
    🔁 Вернулись снова: доля тех, кто приходил хотя бы дважды, среди всех, кто приходил хоть раз.
    🎁 Наград начислено: сколько раз штампы заполнили карту и превратились в награду (награда, отменённая кнопкой «Отменить», не учитывается).
    ✅ Наград выдано: награды, которые сотрудники выдали на кассе.
    🤝 Приглашённые друзья: зарегистрировались по чьей-то ссылке-приглашению; пришли — те из них, у кого был хотя бы один визит.
    ⭐ Средняя оценка: среднее всех оценок (1–5), которые клиенты поставили после визитов.
    📈 График: визиты за каждую из последних 12 недель, с понедельника по воскресенье в вашем часовом поясе; последний столбец — текущая неделя на сегодня.
stats-chart-title = Визиты по неделям, { $weeks ->
    [one] последняя { $weeks } неделя
    [few] последние { $weeks } недели
   *[many] последние { $weeks } недель
}
stats-chart-footnote = Недели начинаются с понедельника ({ $timeZone }). Последний столбец — текущая неделя на сегодня.
stats-chart-caption = 📈 Визиты по неделям, { $weeks ->
    [one] последняя { $weeks } неделя
    [few] последние { $weeks } недели
   *[many] последние { $weeks } недель
}
stats-staff-title = 👥 Визиты со штампом по сотрудникам, за 30 дней:
staff-name-with-id = { $name } (№ { $id })
staff-name-id-only = сотрудник № { $id }
stats-staff-line = { $staff }: { $count }
stats-staff-none = За последние 30 дней визитов со штампом не было.
export-customers-caption = 👥 Клиенты (CSV, время — { $timeZone }). Открывается в Excel, Google Таблицах или Numbers.
export-ledger-caption = 📒 Журнал операций: каждый штамп, начисление и выдача награды, отмена (CSV, время — { $timeZone }).
broadcast-given-up = ⚠️ Рассылка несколько раз подряд не смогла отправиться и пока остановлена. Через несколько минут она продолжится сама; в /broadcasts видно, сколько уже отправлено, там же её можно отменить.

## Reviews
review-ask = ⭐ Как прошёл ваш визит ({ $visit })? Оцените его от 1 до 5 — достаточно одного нажатия.
review-your-rating = Ваша оценка: { $stars }
review-thanks = Спасибо за оценку! 🙏
review-bonus = 🎁 { $count ->
    [one] +{ $count } бонусный штамп
    [few] +{ $count } бонусных штампа
   *[many] +{ $count } бонусных штампов
} за отзыв.
review-bonus-later = Бонус за отзыв начисляется раз в { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}, следующий — с { $date }. А в этот раз — просто большое спасибо!
review-public-invite = Если хотите, можете рассказать о своём впечатлении и публично — каким бы оно ни было. Это целиком на ваше усмотрение.
review-button-public = 🌍 Оставить публичный отзыв
review-ask-comment = ✍️ Хотите добавить пару слов? Просто напишите их сюда (до { $max ->
    [one] { $max } символа
   *[many] { $max } символов
}) или нажмите «Пропустить».
review-button-skip = Пропустить
review-comment-thanks = Спасибо! Ваши слова переданы команде.
review-skipped = Спасибо! Ваша оценка передана команде.
review-comment-too-long = Немного длинновато: в отзыве может быть до { $max ->
    [one] { $max } символа
   *[many] { $max } символов
}, а здесь { $length }. Сократите, пожалуйста, и отправьте ещё раз — или нажмите «Пропустить».
review-comment-not-text = В отзыв можно добавить только текст — стикеры, фото и голосовые сообщения не подойдут. Напишите, пожалуйста, пару слов или нажмите «Пропустить».
review-comment-too-late = Ваша оценка уже передана команде, поэтому эти слова добавить не получится. Всё равно спасибо!
review-already-passed-on = Ваша оценка уже передана команде. Спасибо!
review-already-rated = Вы уже оценили этот визит. Спасибо!
review-visit-undone = Этот визит был отменён на кассе, поэтому оценивать нечего.
review-not-yours = Эта кнопка не для вас.
review-last-visit-rated = Вы уже оценили свой последний визит — спасибо! Мы спросим снова после следующего.
review-staff-post =
    ⭐ Отзыв { $stars } ({ $rating }/5) · { $customer } ({ $number }) · визит { $visit }{ $bonus ->
        [0] {""}
       *[other] {" "}· 🎁 бонус +{ $bonus }
    }
    { $hasComment ->
        [yes] 💬 «{ $comment }»
       *[no] (без комментария)
    }
review-owner-low =
    ⚠️ Низкая оценка { $stars } ({ $rating }/5): { $customer } ({ $number }), визит { $visit }
    { $hasComment ->
        [yes] 💬 «{ $comment }»
       *[no] (без комментария)
    }
review-owner-reply-button = ↩️ Ответить клиенту
review-owner-reply-ask = Напишите ответ для { $customer } одним сообщением. Клиент получит его здесь, в боте, от имени заведения.
review-owner-reply-stop = ✖️ Не отвечать
review-owner-reply-stopped = Ничего не отправлено.
review-owner-reply-not-text = Пожалуйста, отправьте ответ текстовым сообщением.
review-owner-reply-too-long = Слишком длинно: в ответе может быть до { $max ->
    [one] { $max } символа
   *[many] { $max } символов
}, а здесь { $length }. Сократите его и отправьте ещё раз.
review-owner-reply-sent = ✅ Ваш ответ отправлен клиенту.
review-owner-reply-gone = Этому клиенту больше нельзя написать: он удалил свои данные или заблокировал бота.
review-reply-to-customer =
    💬 Ответ на ваш отзыв от «{ $business }»:

    { $text }
review-request-given-up = ⚠️ Не удалось попросить клиента оценить визит: отправка несколько раз подряд завершилась ошибкой. Делать ничего не нужно: клиентов снова спросят после следующих визитов.
review-publish-given-up = ⚠️ Отзыв клиента не удалось передать в группу сотрудников: несколько попыток подряд завершились ошибкой. Сама оценка сохранена и учитывается в /stats.

## Referrals
invite-friend-bonus = Ваш друг получит { $count ->
    [one] { $count } бонусный штамп
    [few] { $count } бонусных штампа
   *[many] { $count } бонусных штампов
} при первом визите.
invite-came = { $count ->
    [0] Пока никто из них у нас не был.
    [one] { $count } из них уже побывал у нас.
   *[many] { $count } из них уже побывали у нас.
}
referral-friend-bonus =
    🎁 Добро пожаловать! Вы пришли по приглашению друга, поэтому первый визит приносит вам { $count ->
        [one] { $count } бонусный штамп
        [few] { $count } бонусных штампа
       *[many] { $count } бонусных штампов
    }.
    { $card }
referral-referrer-bonus =
    🎉 { $friend }: первый визит по вашему приглашению! Вам { $count ->
        [one] +{ $count } бонусный штамп
        [few] +{ $count } бонусных штампа
       *[many] +{ $count } бонусных штампов
    }. Спасибо, что рекомендуете нас!
    { $card }
referral-referrer-capped = 🎉 { $friend }: первый визит по вашему приглашению! Спасибо, что рекомендуете нас. { $cap ->
    [0] Сейчас бонусы за приглашения не начисляются, поэтому в этот раз без штампа.
    [one] В этом месяце вы уже получили максимум — { $cap } бонус за приглашение, поэтому в этот раз без штампа.
    [few] В этом месяце вы уже получили максимум — { $cap } бонуса за приглашения, поэтому в этот раз без штампа.
   *[many] В этом месяце вы уже получили максимум — { $cap } бонусов за приглашения, поэтому в этот раз без штампа.
}
referral-friend-taken-back =
    ↩️ Ваш визит отменён на кассе, поэтому приветственный бонус ({ $count ->
        [one] { $count } штамп
        [few] { $count } штампа
       *[many] { $count } штампов
    }) тоже списан. Он вернётся с вашим следующим визитом.
    { $card }
referral-referrer-taken-back =
    ↩️ { $friend }: визит отменён на кассе, поэтому бонус за приглашение ({ $count ->
        [one] { $count } штамп
        [few] { $count } штампа
       *[many] { $count } штампов
    }) списан. Он вернётся, когда ваш друг придёт к нам.
    { $card }
referral-staff-friend-bonus = 🤝 { $customer } ({ $number }): +{ $count } · бонус новичку, первый визит по приглашению: { $referrer }
referral-staff-referrer-bonus = 🤝 { $customer } ({ $number }): +{ $count } · бонус за приглашение, первый визит: { $friend }
referral-staff-referrer-capped = 🤝 { $customer } ({ $number }): без бонуса за приглашение (первый визит: { $friend }) — месячный лимит ({ $cap }) исчерпан
referral-staff-taken-back = ↩️ { $customer } ({ $number }): −{ $count } · бонус за приглашение списан, первый визит отменён
referral-reconcile-given-up = ⚠️ Не удалось начислить бонусы за приглашение после визита друга: несколько попыток подряд завершились ошибкой. Дважды никто ничего не получил. Сообщите, пожалуйста, тому, кто обслуживает бота: подробности есть в журнале.

## Set-up: the first owner, the staff chat, who am I

setup-whoami = Ваш ID в Telegram: { $id }
    Роль: { $role ->
        [owner] владелец
        [staff] сотрудник
        [customer] клиент
       *[none] ещё не зарегистрированы
    }
setup-whoami-chat = ID этого чата: { $chat }
setup-claim-private = Отправьте /claim с кодом мне в личный чат, а не в группу.
setup-claim-usage = Отправьте код, который бот написал в журнал при запуске, вот так: /claim ABCDEFGH
setup-claim-done = ✅ Теперь вы владелец этого бота.
    Дальше: добавьте меня в группу сотрудников, сделайте администратором и отправьте там /staffchat.
setup-claim-wrong = ❌ Код неверный. Скопируйте его из строки «claim code» в журнале бота.
setup-claim-closed = У этого бота уже есть владелец. Добавить владельцев можно через OWNER_IDS в настройках бота.
setup-claim-environment = Владельцы задаются в OWNER_IDS в настройках бота. Чтобы стать владельцем, попросите добавить туда ваш ID ({ $id }).
setup-staffchat-private = Отправьте /staffchat в группе сотрудников (сначала добавьте меня в неё), а не здесь.
setup-staffchat-done = ✅ Эта группа теперь чат сотрудников: все её участники — сотрудники, и записи о визитах приходят сюда.
setup-staffchat-not-admin = ⚠️ Я пока не администратор в этой группе. Откройте настройки группы → Администраторы → добавьте меня, чтобы я мог проверять, кто в ней состоит.
setup-staffchat-environment = Чат сотрудников задан в STAFF_CHAT_ID в настройках бота ({ $id }). Уберите его оттуда, чтобы выбрать чат здесь.
setup-staffchat-offer = Это группа ваших сотрудников? Сделайте её чатом сотрудников: все её участники станут сотрудниками.
setup-staffchat-button = ✅ Сделать чатом сотрудников

# --- occasions ---
menu-birthday = 🎂 День рождения
welcome-bonus = 🎁 Добро пожаловать! На вашей новой карте уже { $count ->
    [one] { $count } бонусный штамп
    [few] { $count } бонусных штампа
   *[many] { $count } бонусных штампов
}.
welcome-staff-bonus = 🎁 { $customer } ({ $number }): +{ $count } · приветственный бонус, новая карта
birthday-ask = 🎂 И ещё один вопрос, если хотите: когда у вас день рождения? Только день и месяц, год мы не спрашиваем. В дни около дня рождения визит принесёт вам { $count ->
    [one] +{ $count } бонусный штамп
    [few] +{ $count } бонусных штампа
   *[many] +{ $count } бонусных штампов
} — раз в год.
birthday-choose-button = 🎂 Указать дату
birthday-change-button = ✏️ Изменить дату
birthday-skip-button = Пропустить
birthday-skipped = Хорошо. Указать день рождения можно и позже — кнопка «🎂 День рождения» в меню.
birthday-none = 🎂 Вы ещё не указали день рождения. Мы спрашиваем только день и месяц, год — никогда.
birthday-current = 🎂 Ваш день рождения: { $date }.
birthday-program = За { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
} до дня рождения и столько же после визит приносит вам { $count ->
    [one] +{ $count } бонусный штамп
    [few] +{ $count } бонусных штампа
   *[many] +{ $count } бонусных штампов
} — раз в год.
birthday-program-day = В день рождения визит приносит вам { $count ->
    [one] +{ $count } бонусный штамп
    [few] +{ $count } бонусных штампа
   *[many] +{ $count } бонусных штампов
} — раз в год.
birthday-once-a-year = Дату можно менять раз в год.
birthday-changeable-from = Дату можно менять раз в год: в следующий раз — с { $from }.
birthday-pick-month = Выберите месяц вашего дня рождения или напишите день и месяц цифрами, например 24.05 — это 24 мая.
birthday-pick-day = { $month }: выберите день.
birthday-saved = ✅ Сохранено: ваш день рождения — { $date }. Дату можно менять раз в год.
birthday-leap-day = В годы без 29 февраля мы поздравляем вас 28 февраля.
birthday-invalid = Такой даты нет. Выберите, пожалуйста, другой день.
birthday-invalid-text = Не удалось распознать дату. Напишите, пожалуйста, день и месяц цифрами, например 24.05 — это 24 мая.
birthday-no-year = Пожалуйста, только день и месяц, без года: например, 24.05.
birthday-too-soon = Дату дня рождения можно менять раз в год. В следующий раз её можно будет изменить с { $from }.
birthday-bonus = 🎂 С днём рождения! { $count ->
    [one] +{ $count } бонусный штамп
    [few] +{ $count } бонусных штампа
   *[many] +{ $count } бонусных штампов
} за ваш визит.
    { $card }
birthday-staff-bonus = 🎂 { $customer } ({ $number }): +{ $count } · бонус ко дню рождения
birthday-greeting = 🎂 С днём рождения, { $name }! Спасибо, что вы с нами.
birthday-greeting-offer = 🎂 С днём рождения, { $name }! Наш подарок: приходите до { $until } включительно, и визит принесёт вам { $count ->
    [one] +{ $count } бонусный штамп
    [few] +{ $count } бонусных штампа
   *[many] +{ $count } бонусных штампов
}.
settings-section-occasions = 🎂 Приветствие и день рождения
settings-field-welcome-bonus-stamps = Приветственный бонус
settings-field-birthday-bonus-stamps = Бонус ко дню рождения
settings-field-birthday-window-days = День рождения: дней до/после
settings-why-occasions = Приветственный бонус начисляется на каждую новую карту, но один раз на номер телефона навсегда: клиент, который удалил свои данные и зарегистрировался снова, его больше не получит (для этого бот хранит солёный хеш номера, но не сам номер). Бонус ко дню рождения начисляется за визит в течение указанного числа дней до и после дня рождения клиента — раз в год; клиенты указывают только день и месяц и могут менять дату раз в год. В сам день в 10:00 по вашему времени клиенты, согласные на предложения, получают поздравление. Родившихся 29 февраля в другие годы поздравляем 28 февраля. 0 штампов — бонуса нет (и поздравлений тоже).
my-data-field-birthday = День рождения (день и месяц)
birthday-taken-back =
    ↩️ Ваш визит отменён на кассе, поэтому бонус ко дню рождения ({ $count ->
        [one] { $count } штамп
        [few] { $count } штампа
       *[many] { $count } штампов
    }) тоже списан. Другой визит в дни около дня рождения ещё может его принести.
    { $card }
birthday-staff-taken-back = ↩️ { $customer } ({ $number }): −{ $count } · бонус ко дню рождения списан, визит отменён
birthday-greetings-given-up = ⚠️ Часть сегодняшних поздравлений с днём рождения не удалось отправить: несколько попыток подряд завершились ошибкой. Дважды никого не поздравили, завтрашние поздравления уйдут как обычно. Сообщите, пожалуйста, тому, кто обслуживает бота: подробности есть в журнале.
birthday-bonus-given-up = ⚠️ Не удалось начислить или списать бонус ко дню рождения за визит: несколько попыток подряд завершились ошибкой. Дважды никто ничего не получил. Сообщите, пожалуйста, тому, кто обслуживает бота: подробности есть в журнале.
