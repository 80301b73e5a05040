//! Words for generated statuses, and the HTML markup Mastodon produces for text, links,
//! mentions and hashtags (see mastodon-api.md §5).

use crate::authorize_page::esc;

pub const SENTENCES: &[&str] = &[
    "Just finished a long walk by the river and the light was unreal.",
    "Does anyone have a good recipe for sourdough that doesn't take three days?",
    "Reminder that it's okay to log off for a while.",
    "The new release is out, and the changelog is longer than I expected.",
    "I spent the whole morning chasing a bug that turned out to be a typo.",
    "Coffee number three. Don't judge me.",
    "Our community garden finally has tomatoes!",
    "Reading a book about the history of typography and I can't put it down.",
    "Hot take: tabs versus spaces is the least interesting argument in software.",
    "The cat has claimed the new chair. It is no longer my chair.",
    "Trying to learn the cello at forty. My neighbours are very patient.",
    "Has anyone else noticed how quiet the city gets after it snows?",
    "Fixed the bike, rode the bike, fell off the bike. Good day overall.",
    "Today I learned that octopuses have three hearts.",
    "Small wins: inbox zero for the first time this month.",
    "The train was late again, so I wrote half a short story on the platform.",
    "Made soup from whatever was left in the fridge and it was honestly great.",
    "If you're going to the meetup on Thursday, say hi!",
    "Thread about the weird things I found while cleaning the attic.",
    "Rain all week, which means the frogs are very happy.",
    "A reminder to back up your files. Ask me how I know.",
    "The sunset tonight looked like someone spilled orange juice across the sky.",
    "Slowly rewriting my old side project in Rust, one module at a time.",
    "Went to the library and came back with eleven books. I went in for one.",
    "Does anybody know why my houseplants hate me?",
    "Watching the birds at the feeder is my favourite kind of television.",
    "New blog post about accessible colour palettes is up.",
    "Our band played its first gig and only one string broke.",
    "The museum had a whole room of mechanical clocks and I stayed for an hour.",
    "Learning to knit has taught me a lot about patience and unpicking.",
    "Honest question: how do you keep a to-do list that you actually use?",
    "Spent the evening stargazing. Saw Jupiter and four of its moons!",
    "My kid asked why the sky is blue and now we're both reading about Rayleigh scattering.",
    "Finally tried the noodle place around the corner. Ten out of ten.",
    "The ferry ride this morning was foggy and perfect.",
    "I keep starting podcasts and never finishing them.",
    "Volunteered at the food bank today. Bring canned beans, they always run out.",
    "Pushed a fix for the flaky test. Fingers crossed.",
    "Nothing beats the smell of a bakery at seven in the morning.",
    "I repainted the kitchen and now I want to repaint everything.",
];

pub const TAGS: &[&str] = &[
    "photography",
    "rustlang",
    "gardening",
    "caturday",
    "books",
    "music",
    "opensource",
    "cycling",
    "cooking",
    "fediverse",
    "astronomy",
    "knitting",
    "birds",
    "coffee",
    "woolly",
];

pub const CONTENT_WARNINGS: &[&str] = &[
    "spoilers for the finale",
    "food (meat)",
    "politics",
    "eye contact",
    "long rant",
    "mental health",
    "flashing image description",
    "bugs (the insect kind)",
];

pub const ALT_TEXTS: &[&str] = &[
    "A wide river under a pale evening sky, with trees on the far bank.",
    "A tabby cat curled up on a green armchair.",
    "Three ripe tomatoes on a wooden table.",
    "A street in the rain, with reflections of neon signs in the puddles.",
    "A bicycle leaning against a brick wall covered in ivy.",
    "A bowl of noodle soup with spring onions and a soft-boiled egg.",
    "Snow-covered rooftops seen from a high window.",
    "A small bird with a red chest sitting on a feeder.",
];

/// (url, title, description, provider) for links and preview cards.
pub const LINKS: &[(&str, &str, &str, &str)] = &[
    (
        "https://blog.example.org/2026/accessible-colour-palettes-for-everyone",
        "Accessible colour palettes for everyone",
        "How to choose colours that work for all readers.",
        "Example Blog",
    ),
    (
        "https://news.example.com/science/octopus-hearts-explained",
        "Why do octopuses have three hearts?",
        "A short explainer on cephalopod circulation.",
        "Example News",
    ),
    (
        "https://docs.joinmastodon.org/client/intro/",
        "Getting started with the API",
        "Mastodon documentation for client developers.",
        "Mastodon documentation",
    ),
    (
        "https://www.example.net/recipes/weeknight-sourdough",
        "Weeknight sourdough",
        "A faster sourdough for busy people.",
        "Example Kitchen",
    ),
    (
        "https://example.dev/posts/rewriting-in-rust-one-module-at-a-time",
        "Rewriting in Rust, one module at a time",
        "Notes from a slow, careful migration.",
        "example.dev",
    ),
];

/// (question, options)
pub const POLLS: &[(&str, &[&str])] = &[
    (
        "What should I cook tonight?",
        &["Pasta", "Curry", "Soup", "Order pizza"],
    ),
    ("Tabs or spaces?", &["Tabs", "Spaces"]),
    (
        "Best time to go for a walk?",
        &["Morning", "Lunch", "Evening"],
    ),
    (
        "Which book should our club read next?",
        &[
            "Piranesi",
            "The Left Hand of Darkness",
            "Station Eleven",
            "Circe",
        ],
    ),
    (
        "Coffee or tea?",
        &["Coffee", "Tea", "Neither", "Both, at once"],
    ),
];

/// Plain text -> Mastodon HTML: blank lines split `<p>`, newlines become `<br>`.
pub fn paragraphs_html(text: &str) -> String {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", esc(p.trim()).replace('\n', "<br>")))
        .collect()
}

/// A link as Mastodon renders it: scheme invisible, first 30 characters visible (with an
/// ellipsis class when cut), the rest invisible.
pub fn link_html(url: &str) -> String {
    let (scheme, rest) = url
        .split_once("://")
        .map(|(s, r)| (format!("{s}://"), r))
        .unwrap_or_default();
    let (shown, hidden) = if rest.chars().count() > 30 {
        let cut = rest
            .char_indices()
            .nth(30)
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        (
            format!("<span class=\"ellipsis\">{}</span>", esc(&rest[..cut])),
            esc(&rest[cut..]),
        )
    } else {
        (
            format!("<span class=\"\">{}</span>", esc(rest)),
            String::new(),
        )
    };
    format!(
        "<a href=\"{}\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\"><span class=\"invisible\">{}</span>{shown}<span class=\"invisible\">{hidden}</span></a>",
        esc(url),
        esc(&scheme)
    )
}

/// An h-card mention.
pub fn mention_html(url: &str, username: &str) -> String {
    format!(
        "<span class=\"h-card\" translate=\"no\"><a href=\"{}\" class=\"u-url mention\">@<span>{}</span></a></span>",
        esc(url),
        esc(username)
    )
}

/// A hashtag link.
pub fn hashtag_html(origin: &str, tag: &str) -> String {
    format!(
        "<a href=\"{origin}/tags/{tag}\" class=\"mention hashtag\" rel=\"tag\">#<span>{tag}</span></a>"
    )
}
