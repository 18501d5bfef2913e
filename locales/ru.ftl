## Common

start-welcome = Здравствуйте, { $name }! Это наша карта лояльности: собирайте штампы за визиты и получайте награды.
help-text =
    Этот бот — наша карта лояльности.
    /start — ваша карта
    /help — эта справка
    /cancel — прервать текущее действие
cancel-done = Отменено. Ничего не изменилось.
unhandled-message = Я не понял. Отправьте /help, чтобы узнать, что я умею.
unhandled-button = Эта кнопка больше не работает.
error-unexpected = Извините, у нас что-то пошло не так. Попробуйте ещё раз.
error-try-again = У нас короткая техническая пауза. Попробуйте через минуту.

## Command menu

command-start = Ваша карта лояльности
command-help = Что умеет этот бот
command-cancel = Прервать текущее действие
command-settings = Настройки программы
command-broadcast = Отправить предложение клиентам
command-broadcasts = Запланированные рассылки
command-stats = Статистика программы
command-export = Выгрузка клиентов и журнала (CSV)
