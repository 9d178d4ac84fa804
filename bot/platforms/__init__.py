"""Platform adapters: each turns its events into ``bot.commands.Request`` values and renders
``bot.commands.Reply`` values back (console here; Slack and Matrix beside it). Each chat SDK is
imported by exactly one module of this package, so handlers stay platform-free."""
