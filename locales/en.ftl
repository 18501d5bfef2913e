## Common

start-welcome = Hello, { $name }! This is our loyalty card: collect stamps for your visits and get rewards.
help-text =
    This bot is our loyalty card.
    /start — your card
    /help — this help
    /cancel — stop what you are doing
cancel-done = Cancelled. Nothing was changed.
unhandled-message = I did not understand that. Send /help to see what I can do.
unhandled-button = This button no longer works.
error-unexpected = Sorry, something went wrong on our side. Please try again.
error-try-again = We are having a short technical pause. Please try again in a minute.

## Command menu

command-start = Your loyalty card
command-help = What this bot can do
command-cancel = Stop the current action
command-settings = Program settings
command-broadcast = Send an offer to customers
command-broadcasts = Scheduled offers
command-stats = Program statistics
command-export = Export customers and ledger (CSV)
