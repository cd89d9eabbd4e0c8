/// The Messagerie's, Actualités' and Documents' additions to the one stylesheet.
enum MessagingStyles {
    static let css = """

    /* The badge's visually hidden text is positioned: keep it inside the scrolling tab strip, or a phone page grows sideways. */
    .tabs a { position: relative; }
    .tabs .badge { display: inline-block; min-width: 1.4em; margin-left: .3em; padding: 0 .35em; border-radius: 1em;
      background: var(--danger); color: #fff; font-size: .85em; font-weight: 700; text-align: center; }
    .message-list { list-style: none; padding: 0; }
    .message-list li { padding: .6rem 0; border-bottom: 1px solid var(--border); }
    .message-list li.unread a { font-weight: 700; }
    .meta { color: var(--muted); font-size: .95rem; margin: .2rem 0; }
    .tag { color: var(--danger); }
    article.message { border: 1px solid var(--border); border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 1rem; background: var(--card); }
    article.message.mine { border-left: 6px solid var(--primary); }
    article.message.theirs { border-left: 6px solid var(--accent); }
    .message-body p { margin: .4rem 0; overflow-wrap: anywhere; }
    .attachment-list { margin: .5rem 0 0; padding-left: 1.2rem; }
    fieldset.attachments { border: 1px solid var(--border); border-radius: .5rem; padding: .5rem 1rem; margin: 0 0 1rem; }
    article.card.pinned { border-left: 6px solid var(--accent); }
    tr.unread th a { font-weight: 700; }
    form.inline, li form.form { display: inline; }
    """
}
