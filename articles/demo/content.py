"""The words and settings of the demo site, as plain data.

Everything here is original text written for this project. Bodies are lists
of `(block_name, value)` pairs in the shape `BodyBlock` stores, except that
objects which only exist in the database are named instead: a call to action
by its name and an image by its key in `IMAGES`. The loader swaps the names
for the objects.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

SITE_NAME = "Run Well Physio"

HOME = {
    "title": SITE_NAME,
    "slug": "home",
    "intro": (
        "Running injuries explained by a physiotherapist, with the exercises "
        "that help you keep running while you recover."
    ),
}

CATEGORIES = {
    "Injuries": "What hurts, why, and what to do about it.",
    "Strength & Conditioning": "Exercises that make runners more robust.",
    "Training": "Planning your running so your body keeps up.",
}

FREE_WORKOUTS = "Free workouts"

CALL_TO_ACTION = {
    "name": FREE_WORKOUTS,
    "heading": "Get the free runner's workouts",
    "text": (
        "Three 15-minute routines for core control, hip strength and mobility, "
        "with sets, reps and coaching points. A four-page PDF to print or keep "
        "on your phone."
    ),
    "button_label": "Free Workouts [PDF]",
}

WORKOUTS_DOCUMENT = {
    "title": "Free runner's workouts",
    "filename": "free-runners-workouts.pdf",
}


@dataclass(frozen=True)
class ImageSpec:
    """A generated image: its title and alt text, and how to draw it."""

    title: str
    description: str  # Wagtail's default alt text
    top: tuple = (0, 0, 0)
    bottom: tuple = (0, 0, 0)
    motif: str = "portrait"  # or a hero motif: "track", "hills", "rings", ...


# Images used by the articles, by the key their specs refer to.
IMAGES = {
    "track-sunset": ImageSpec(
        "Running track at sunset",
        "Curved white running-track lanes under an orange and plum evening sky",
        top=(238, 128, 76),
        bottom=(118, 38, 62),
        motif="track",
    ),
    "green-hills": ImageSpec(
        "Rolling green hills",
        "Layers of soft green hills fading into a pale blue sky",
        top=(168, 204, 232),
        bottom=(58, 108, 88),
        motif="hills",
    ),
    "blue-rings": ImageSpec(
        "Overlapping blue circles",
        "Three overlapping translucent circles on a deep blue background",
        top=(62, 94, 164),
        bottom=(28, 38, 80),
        motif="rings",
    ),
    "teal-stripes": ImageSpec(
        "Diagonal teal stripes",
        "Bold diagonal stripes in shades of teal, like a runner's stride",
        top=(44, 150, 150),
        bottom=(20, 60, 84),
        motif="stripes",
    ),
    "warm-rings": ImageSpec(
        "Linked circles in warm colours",
        "Three linked circles on an amber background",
        top=(246, 190, 96),
        bottom=(204, 96, 60),
        motif="rings",
    ),
}


AUTHOR = {
    "name": "Dr. Sam Carter",
    "slug": "sam-carter",
    "role": "Physiotherapist",
    "bio": (
        "Sam has spent fifteen years treating runners, from first-time 5K runners "
        "to club marathoners. Sam writes about the injuries seen most often in "
        "clinic and the simple exercises that get people back on the road."
    ),
    "photo": ImageSpec(
        "Dr. Sam Carter",
        "Illustrated head-and-shoulders portrait of Sam Carter",
    ),
    # The author's editor account.
    "username": "samcarter",
    "email": "sam@example.com",
    "first_name": "Sam",
    "last_name": "Carter",
}


@dataclass(frozen=True)
class ArticleSpec:
    """One demo article. `read_next` is another article's slug."""

    slug: str
    title: str
    intro: str
    hero: str
    categories: tuple
    tags: tuple
    published: datetime
    updated: datetime
    body: list
    read_next: str = ""


def h2(text, anchor):
    return ("heading", {"text": text, "level": "h2", "anchor": anchor})


def h3(text, anchor=""):
    return ("heading", {"text": text, "level": "h3", "anchor": anchor})


def text(*paragraphs):
    """One paragraph block; strings starting with '<' are used as HTML."""
    html = (p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)
    return ("paragraph", "".join(html))


def video(url, title, caption=""):
    return ("video", {"url": url, "title": title, "caption": caption, "poster": None})


def figure(image, alt_text, caption=""):
    return ("image", {"image": image, "alt_text": alt_text, "caption": caption})


def callout(style, title, html):
    return ("callout", {"style": style, "title": title, "text": html})


def quote(words, attribution=""):
    return ("quote", {"quote": words, "attribution": attribution})


CTA = ("call_to_action", FREE_WORKOUTS)

DISCLAIMER = callout(
    "disclaimer",
    "Medical disclaimer",
    "<p>This article is general information for runners, not a diagnosis or a "
    "treatment plan. Back or leg pain that follows a fall, spreads down a leg, "
    "or comes with numbness, weakness, changes in bladder or bowel control, "
    "fever or unexplained weight loss needs prompt medical assessment. If pain "
    "is getting worse, or has not improved after a few weeks, see a "
    "physiotherapist or doctor in person.</p>",
)


def when(year, month, day):
    """Mid-morning in the UK, so the date is the same in any time zone
    a reader is likely to be in."""
    return datetime(year, month, day, 9, 30, tzinfo=UTC)


LOWER_BACK_PAIN = ArticleSpec(
    slug="running-with-lower-back-pain",
    title="Running with Lower Back Pain",
    intro=(
        "Lower back pain is one of the most common reasons runners see a "
        "physiotherapist. Here are the four causes I meet most often in clinic, "
        "how to recognise them, and exercises that help you keep running."
    ),
    hero="track-sunset",
    categories=("Injuries", "Strength & Conditioning"),
    tags=("lower back pain", "core", "running form"),
    published=when(2025, 9, 23),
    updated=when(2026, 9, 2),
    read_next="lower-back-stretches-for-runners",
    body=[
        text(
            "Most runners with lower back pain have no serious injury. The pain "
            "builds up over weeks: a dull ache after long runs, stiffness the "
            "next morning, a tight band across the belt line on hills. Scans "
            "rarely explain it and rest alone seldom cures it, because the cause "
            "is usually in how the back is loaded with every stride.",
            "Each landing sends two to three times your body weight up through "
            "the spine. A healthy back copes easily when the pelvis, hips and "
            "upper back share the work. When one of them stops doing its share, "
            "the lower back makes up the difference, and that is when it starts "
            "to complain. Below are the four patterns I see most, with an "
            'exercise or two for each. <a href="#core-strength">Core strength</a> '
            "gets its own note at the end, because it is the advice runners hear "
            "most and understand least.",
        ),
        h2("1. Hyperlordosis and poor pelvic control", "pelvic-control"),
        text(
            "Hyperlordosis is an exaggerated inward curve of the lower back. In "
            "runners it usually comes with a pelvis that tips forward: the bottom "
            "sticks out, the ribs flare and the small joints at the back of the "
            "spine are pressed together on each landing. It tends to ache more "
            "downhill and late in a run, when tired muscles let the pelvis tip "
            "further.",
            "The answer is not to force a flat back but to control the pelvis: to "
            "tilt it on purpose, and to hold it in the middle while the legs "
            "move. The dead bug trains exactly that. The back stays quiet while "
            "the arms and legs work, just as it should when you run.",
        ),
        video(
            "https://www.youtube.com/watch?v=Xk3mQ8vT2pL",
            "Dead bug with pelvic control",
            "Three sets of eight slow reps each side, lower back resting gently "
            "on the floor throughout.",
        ),
        video(
            "https://youtu.be/bR7nW2qHs5E?t=42",
            "Half-kneeling hip flexor stretch",
            "Squeeze the glute of the back leg first; three holds of 30 seconds "
            "each side. The video starts at the set-up.",
        ),
        h2("2. Muscle imbalances around the hips", "hip-imbalances"),
        text(
            "Running is a series of single-leg landings, and the glutes keep the "
            "pelvis level on each one. If the glute on the standing side is weak, "
            "the other hip drops and the lower back bends sideways to keep you "
            "balanced. Repeat that a few thousand times a run and the muscles "
            "beside the spine tire and ache.",
            "Tight hip flexors add to it. Long hours of sitting keep them short, "
            "and a short hip flexor drags the pelvis forward as the leg swings "
            "behind you, so the lower back arches to let the stride happen. "
            "Strengthen the side of the hip, lengthen the front of it, and the "
            "back no longer has to compensate.",
        ),
        figure(
            "warm-rings",
            "Three linked circles standing for the spine, pelvis and hips",
            "The spine, pelvis and hips work as one system: weakness in one "
            "shows up in the others.",
        ),
        video(
            "https://www.youtube.com/shorts/Lp9cT4dXw1Q",
            "Side-lying hip abduction",
            "Two or three sets of 15 each side. Lead with the heel and keep the "
            "top hip stacked over the bottom one.",
        ),
        video(
            "https://vimeo.com/482913657",
            "Single-leg glute bridge",
            "Three sets of ten each side, pausing for two seconds at the top.",
        ),
        CTA,
        h2("3. A stiff thoracic spine", "thoracic-spine"),
        text(
            "The thoracic spine, the part your ribs attach to, is built to "
            "rotate, and most of the trunk rotation that balances your arm swing "
            "comes from there. If desks and driving have stiffened it, the "
            "rotation still has to happen somewhere. The lower back, made for "
            "bending rather than twisting, takes it on instead.",
            "A quick check: sit on a chair with your arms crossed over your chest "
            "and turn as far as you can each way. If you manage much less than "
            "45 degrees, or one side is clearly stiffer, upper-back mobility is "
            "worth a few minutes a day.",
        ),
        video(
            "https://youtu.be/Qm4zR8aYv0c",
            "Open book rotation",
            "Ten slow reps each side, breathing out as you open.",
        ),
        video(
            "https://vimeo.com/339184726",
            "Foam roller thoracic extension",
            "Support your head and extend over the roller at three or four "
            "levels of the upper back, never the lower back.",
        ),
        h2("4. Poor running technique", "running-technique"),
        text(
            "Two habits cause most technique-related back pain. Overstriding, "
            "where the foot lands well ahead of the body, sends a braking jolt "
            "through the pelvis on every step. Leaning forward from the waist "
            "instead of the ankles keeps the back muscles working hard for the "
            "whole run.",
            "Small changes work best. Raising your step rate by five to ten per "
            "cent shortens the stride without you having to think about where "
            "your foot lands: count your steps for a minute, then add a few. Run "
            "tall, let the lean come from the ankles, and change one thing at a "
            "time for three or four weeks.",
        ),
        quote(
            "Your back is rarely the problem on its own. Usually it is doing a "
            "job that your hips or upper back have stopped doing.",
            "Something I say to most runners in clinic",
        ),
        video(
            "https://www.youtube.com/watch?v=cD8sK1wZn4M&t=1m15s",
            "Quick-feet cadence drill",
            "Twenty seconds at a slightly quicker step rate, then easy jogging; "
            "repeat six times.",
        ),
        h2("A note on core strength", "core-strength"),
        text(
            "Every runner with back pain has been told to strengthen their core. "
            "It is not wrong, but it is often misread. The aim is not a six-pack "
            "or a five-minute plank. It is control: the muscles around the trunk "
            "switching on at the right moment and by the right amount while the "
            "arms and legs move.",
            "That is why the exercises above are slow, and why quality matters "
            "more than quantity. Two or three short sessions a week, done well, "
            "help more than one long session done tired. When the basics feel "
            "easy, add load and speed: carries, single-leg work, then hops and "
            "bounds, so the control carries over into your running.",
        ),
        CTA,
        DISCLAIMER,
    ],
)

LOWER_BACK_STRETCHES = ArticleSpec(
    slug="lower-back-stretches-for-runners",
    title="Lower Back Stretches for Runners",
    intro=(
        "Five gentle stretches for runners with a stiff or aching lower back: "
        "what each one does, and how to fit them around your running in ten "
        "minutes or less."
    ),
    hero="green-hills",
    categories=("Injuries",),
    tags=("lower back pain", "stretching"),
    published=when(2026, 7, 8),
    updated=when(2026, 7, 8),
    read_next="running-with-lower-back-pain",
    body=[
        text(
            "A tight lower back is rarely tight on its own. The hip flexors, "
            "hamstrings and glutes all attach to the pelvis and pull on it from "
            "different directions, and a stiff upper back leaves the lower back "
            "to do more of the moving. So these stretches work around the lower "
            "back as much as on it.",
            "Do them after a run or in the evening, when the muscles are warm. "
            "Move slowly, breathe normally and stop short of pain: a stretch "
            "should feel like a pull, never a pinch. If one makes your symptoms "
            "worse, leave it out.",
        ),
        h2("Five stretches to try", "stretches"),
        h3("Knees to chest"),
        text(
            "Lie on your back and hug both knees towards your chest, letting the "
            "lower back round gently into the floor. Rock slowly from side to "
            "side if that feels good. Hold for 30 seconds, twice. It is the "
            "gentlest of the five and the place to start when the back is sore."
        ),
        h3("Child's pose", "childs-pose"),
        text(
            "Kneel, sit back towards your heels and walk your hands forward until "
            "your forehead rests on the floor. Breathe into your lower ribs. "
            "Walk both hands to one side to stretch along the other side of your "
            "back. Hold for 30 to 45 seconds."
        ),
        video(
            "https://youtu.be/Hn2vL7xEr3k",
            "Child's pose with side reach",
            "Two holds of 30 seconds each side.",
        ),
        h3("Kneeling hip flexor stretch"),
        text(
            "Kneel on one knee with the other foot flat in front. Tuck your "
            "tailbone under, squeeze the glute of the kneeling leg, then shift "
            "forward until you feel a stretch at the front of the hip. Keep your "
            "ribs down rather than arching. Three holds of 30 seconds each side."
        ),
        h3("Figure-four glute stretch"),
        text(
            "Lie on your back, cross one ankle over the other knee and pull the "
            "lower thigh towards you. You should feel it deep in the buttock of "
            "the crossed leg. Tight glutes often cause pain that seems to come "
            "from the back. Hold for 30 seconds each side."
        ),
        video(
            "https://vimeo.com/527716384",
            "Figure-four glute stretch",
            "Keep your head and shoulders relaxed on the floor.",
        ),
        h3("Cat-cow"),
        text(
            "On hands and knees, slowly round your back up towards the ceiling, "
            "then let it sag as you lift your chest. Move through the whole range "
            "ten times, leading from the pelvis. It is mobility rather than a "
            "held stretch, and a good way to finish."
        ),
        h2("How often?", "how-often"),
        text(
            "Every day while your back is stiff, then a few times a week once it "
            "settles. Stretching eases symptoms but rarely removes the cause on "
            "its own, so pair it with strength work for the hips and trunk."
        ),
        DISCLAIMER,
    ],
)

SHIN_SPLINTS = ArticleSpec(
    slug="shin-splints-what-runners-should-know",
    title="Shin Splints: What Runners Should Know",
    intro=(
        "Shin splints are the classic injury of doing too much, too soon. What "
        "the pain is, how to tell it from a stress fracture, and how to return "
        "to running without it coming back."
    ),
    hero="blue-rings",
    categories=("Injuries", "Training"),
    tags=("shin splints", "load management"),
    published=when(2026, 2, 10),
    updated=when(2026, 2, 10),
    body=[
        text(
            "Shin splints, properly called medial tibial stress syndrome, is pain "
            "along the inner edge of the shin bone. It is common in new runners "
            "and in anyone coming back after a break, and it is nearly always a "
            "load problem: the bone and the muscles attached to it are asked to "
            "do more than they have adapted to."
        ),
        h2("What it feels like", "symptoms"),
        text(
            "A spread-out ache along the lower half of the inner shin. It is "
            "often worst at the start of a run, eases as you warm up and returns "
            "afterwards. The bone is tender along several centimetres rather "
            "than at one spot."
        ),
        callout(
            "warning",
            "When it might be a stress fracture",
            "<p>Pain at one spot you can cover with a fingertip, pain that gets "
            "worse as you run instead of easing, or pain at night or at rest are "
            "warning signs of a bone stress injury. Stop running and have it "
            "assessed.</p>",
        ),
        h2("Why it happens", "causes"),
        text(
            "A sudden jump in weekly distance, a move to harder surfaces or "
            "hills, new shoes or a return after time off. Weak calves, a low step "
            "rate and not eating enough for the training you do all make it more "
            "likely."
        ),
        h2("What helps", "what-helps"),
        text(
            "<ul><li><b>Reduce rather than stop.</b> Cut distance and pace to a "
            "level that hurts no more than 3 out of 10 and settles by the next "
            "morning.</li><li><b>Strengthen the calves.</b> Build up to three "
            "sets of 15 to 20 single-leg calf raises.</li><li><b>Build back "
            "gradually.</b> Add no more than about a tenth to your weekly running "
            "time, with an easier week every third or fourth week.</li></ul>"
        ),
        video(
            "https://www.youtube.com/watch?v=tF6pY3nJq0w",
            "Single-leg calf raise",
            "Up in one second, down in three: three sets of 15 each side.",
        ),
        CTA,
        DISCLAIMER,
    ],
)

STRENGTH_TRAINING = ArticleSpec(
    slug="strength-training-for-runners-where-to-start",
    title="Strength Training for Runners: Where to Start",
    intro=(
        "You do not need a gym or hours a week. Two short sessions of the right "
        "exercises make runners more robust and a little faster. Here is how to "
        "begin."
    ),
    hero="teal-stripes",
    categories=("Strength & Conditioning", "Training"),
    tags=("strength training", "core"),
    published=when(2025, 6, 17),
    updated=when(2025, 6, 17),
    body=[
        text(
            "Running builds endurance but little strength. Every stride asks the "
            "muscles and tendons of the legs to absorb several times your body "
            "weight, and the stronger they are, the better they cope. Strength "
            "work is one of the few things shown to reduce running injuries, and "
            "it tends to make running feel easier too."
        ),
        h2("How much is enough?", "how-much"),
        text(
            "Two sessions a week of 20 to 30 minutes is plenty to start with. Put "
            "them on easy days, not before a hard session. Pick a weight or "
            "variation that leaves two or three reps in reserve at the end of "
            "each set."
        ),
        h2("Five exercises to start with", "exercises"),
        text(
            "<ol><li>Split squat: 3 sets of 8 each side.</li><li>Single-leg "
            "Romanian deadlift: 3 sets of 8 each side.</li><li>Glute bridge, "
            "then single-leg bridge: 3 sets of 10.</li><li>Calf raise, then "
            "single-leg calf raise: 3 sets of 15.</li><li>Side plank: 3 holds of "
            "20 to 30 seconds each side.</li></ol>"
        ),
        video(
            "https://youtu.be/pW5rN9kLx2M?t=30",
            "Split squat",
            "Lower slowly until the back knee nearly touches the floor.",
        ),
        video(
            "https://vimeo.com/61029473",
            "Single-leg Romanian deadlift",
            "Hinge at the hip with a flat back; hold a wall for balance at first.",
        ),
        h2("Progress slowly", "progress"),
        text(
            "Add load every week or two while the last reps still feel "
            "controlled. After six to eight weeks, add some faster work: "
            "step-ups with a knee drive, skipping, low hops. Some muscle soreness "
            "in the first fortnight is normal and fades as you adapt."
        ),
        CTA,
    ],
)

# Listed oldest first; the loader links read-next choices after creating all.
ARTICLES = (STRENGTH_TRAINING, LOWER_BACK_PAIN, SHIN_SPLINTS, LOWER_BACK_STRETCHES)
