"""The "Free runner's workouts" PDF, written with fpdf2.

A cover page with how-to and safety notes, then one page per routine with a
table of exercises. Only the PDF core fonts are used, so nothing is downloaded
or embedded, and all text must be Latin-1 (no curly quotes or long dashes).
"""

from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.fonts import FontFace

from .content import SITE_NAME, WORKOUTS_DOCUMENT

FONT = "Helvetica"
INK = (33, 37, 41)
ACCENT = (38, 84, 124)
MUTED = (90, 98, 106)
TABLE_HEADER = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=ACCENT)
# Widths in mm of: exercise, sets, reps or time, coaching point (A4 minus margins).
COLUMN_WIDTHS = (46, 14, 30, 90)
# A fixed date keeps the bytes identical from run to run.
CREATED = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)

WORKOUTS_TITLE = WORKOUTS_DOCUMENT["title"]
LEAD = (
    "Three short routines that build what runners need most: a steady trunk, "
    "strong hips, and an upper back and hips that move freely. Each takes 15 to "
    "20 minutes and needs only a mat and a resistance band."
)
COVER_SECTIONS = (
    (
        "How to use them",
        (
            "Do the core and hip routines two or three times a week, on easy "
            "days or after an easy run.",
            "Do the mobility routine after any run, or on rest days.",
            "Move slowly and with control: good reps matter more than many reps.",
            "When a routine feels easy two sessions in a row, use its "
            "'Progress it' notes.",
        ),
    ),
    (
        "Play it safe",
        (
            "Effort and tired muscles are normal; sharp or worsening pain is "
            "not. Stop any exercise that causes it.",
            "Pain spreading down a leg, numbness or weakness needs a medical "
            "assessment before you start.",
            "These routines are general guidance, not a replacement for an "
            "assessment by a physiotherapist.",
        ),
    ),
    (
        "Inside",
        (
            "Page 2: Core control routine",
            "Page 3: Hip strength routine",
            "Page 4: Mobility routine",
        ),
    ),
)
# Each exercise row: name | sets | reps or time | coaching point.
ROUTINES = (
    {
        "title": "Core control routine",
        "summary": (
            "Teaches the trunk to stay steady while the arms and legs move, as "
            "it must when you run. Rest 30 to 45 seconds between sets."
        ),
        "exercises": (
            (
                "Dead bug | 3 | 8 each side | "
                "Lower back rests on the floor; breathe out as the limbs reach."
            ),
            (
                "Bird dog | 3 | 8 each side | "
                "Reach long, not high; keep the pelvis level."
            ),
            (
                "Side plank | 3 | 20-30 s each side | "
                "From knees or feet; a straight line, hips facing forward."
            ),
            (
                "Plank shoulder taps | 3 | 10 each side | "
                "Feet wide; the hips stay still as each hand lifts."
            ),
            (
                "Pallof press (band) | 3 | 10 each side | "
                "Resist the band turning you; ribs down, glutes on."
            ),
            (
                "Suitcase carry | 3 | 30 m each side | "
                "A heavy bag in one hand; walk tall without leaning."
            ),
        ),
        "progressions": (
            "Dead bug: hold a light weight, or reach the legs out straighter.",
            "Side plank: lift the top leg for the last five seconds.",
            "Pallof press: stand further from the anchor, or kneel on one knee.",
        ),
    },
    {
        "title": "Hip strength routine",
        "summary": (
            "Builds the glutes and the muscles that keep the pelvis level on "
            "every landing. Rest 45 to 60 seconds between sets."
        ),
        "exercises": (
            (
                "Glute bridge | 3 | 12 | "
                "Push through the heels; stop with hips and shoulders in line."
            ),
            (
                "Side-lying hip abduction | 3 | 15 each side | "
                "Lead with the heel; keep the top hip stacked."
            ),
            (
                "Banded clam | 3 | 15 each side | "
                "Feet together; turn from the hip without rolling back."
            ),
            (
                "Split squat | 3 | 8 each side | "
                "Front knee over the middle toes; lower under control."
            ),
            (
                "Single-leg Romanian deadlift | 3 | 8 each side | "
                "Hinge at the hip with a flat back; standing knee soft."
            ),
            (
                "Lateral band walk | 2 | 12 steps each way | "
                "Band above the knees; stay low, feet apart."
            ),
        ),
        "progressions": (
            "Bridge: go single-leg, or rest a weight across the hips.",
            "Split squat: hold weights, or rest the back foot on a step.",
            "Romanian deadlift: hold a weight in the hand opposite the standing leg.",
        ),
    },
    {
        "title": "Mobility routine",
        "summary": (
            "Keeps the hips, upper back and ankles moving so the lower back does "
            "not have to make up for them. Move slowly and keep breathing."
        ),
        "exercises": (
            (
                "Cat-cow | 1 | 10 slow reps | "
                "Move one section at a time, starting from the pelvis."
            ),
            (
                "Open book rotation | 2 | 8 each side | "
                "Knees stay together on the floor; eyes follow the top hand."
            ),
            (
                "Hip flexor stretch | 2 | 30 s each side | "
                "Tuck the tailbone and squeeze the back glute first."
            ),
            (
                "Figure-four stretch | 2 | 30 s each side | "
                "Pull the lower thigh in until the crossed buttock stretches."
            ),
            (
                "Knee-to-wall ankle rock | 2 | 10 each side | "
                "Heel stays down; knee travels over the middle toes."
            ),
            (
                "Child's pose side reach | 1 | 30 s each side | "
                "Breathe into the lower ribs on the stretched side."
            ),
        ),
        "progressions": (
            "Add foam-roller thoracic extension once the open book feels easy.",
            "Hold the stretches for up to 60 seconds after long runs.",
            "Walk or jog easily for five minutes first if you are cold.",
        ),
    },
)


class WorkoutsPDF(FPDF):
    """A4 portrait pages with the site name in the footer."""

    def footer(self):
        self.set_y(-15)
        self.set_font(FONT, size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 10, f"{SITE_NAME} - page {self.page_no()} of {{nb}}", align="C")


def workouts_pdf():
    """Return the PDF as bytes: a cover page, then one page per routine."""
    pdf = WorkoutsPDF(format="A4")
    pdf.set_title(WORKOUTS_TITLE)
    pdf.set_author(SITE_NAME)
    pdf.set_creation_date(CREATED)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(15, 18, 15)
    _cover(pdf)
    for routine in ROUTINES:
        _routine(pdf, routine)
    return bytes(pdf.output())


def _cover(pdf):
    pdf.add_page()
    _heading(pdf, WORKOUTS_TITLE, size=24)
    _text(pdf, LEAD, size=12)
    for title, points in COVER_SECTIONS:
        _heading(pdf, title, size=14)
        _bullets(pdf, points)


def _routine(pdf, routine):
    pdf.add_page()
    _heading(pdf, routine["title"], size=20)
    _text(pdf, routine["summary"], size=11)
    _exercise_table(pdf, routine["exercises"])
    pdf.ln(4)
    _heading(pdf, "Progress it", size=13)
    _bullets(pdf, routine["progressions"])


def _exercise_table(pdf, exercises):
    pdf.set_font(FONT, size=10)
    pdf.set_text_color(*INK)
    with pdf.table(
        col_widths=COLUMN_WIDTHS,
        headings_style=TABLE_HEADER,
        line_height=6,
        padding=2,
        text_align=("LEFT", "CENTER", "CENTER", "LEFT"),
    ) as table:
        table.row(("Exercise", "Sets", "Reps or time", "Coaching point"))
        for exercise in exercises:
            table.row(exercise.split(" | "))


def _heading(pdf, text, size):
    pdf.set_font(FONT, style="B", size=size)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _text(pdf, text, size):
    pdf.set_font(FONT, size=size)
    pdf.set_text_color(*INK)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _bullets(pdf, points):
    pdf.set_font(FONT, size=11)
    pdf.set_text_color(*INK)
    for point in points:
        pdf.cell(6, 6, "-")
        pdf.multi_cell(0, 6, point, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
