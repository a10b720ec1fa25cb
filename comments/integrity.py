"""Checks that stored comment threads are whole and in order.

Used by the tests and by `scripts/soak.py`: a thread is consistent when its
`order` values are unique, sorting by them gives a depth-first walk of the
reply tree (every reply right after its parent's earlier replies), levels
follow the tree, and each comment's `nested_count` is its number of
descendants."""

from collections import Counter, defaultdict

from .models import ReaderComment


def thread_problems(comments):
    """Everything wrong with one thread's comments, as readable sentences.

    An empty list means the thread is consistent."""
    comments = sorted(comments, key=lambda c: (c.order, c.pk))
    if not comments:
        return []
    problems = []
    repeated = [
        order for order, n in Counter(c.order for c in comments).items() if n > 1
    ]
    if repeated:
        problems.append(f"thread {comments[0].thread_id}: repeated orders {repeated}")
    by_id = {c.pk: c for c in comments}
    root = comments[0]
    if root.parent_id != root.pk or root.pk != root.thread_id:
        problems.append(f"thread {root.thread_id}: first comment {root.pk} is no root")
    # Walk in `order`: a stack holds the path from the root to the last
    # comment; each reply's parent must be on that path (depth-first order).
    path = [root]
    for comment in comments[1:]:
        while path and path[-1].pk != comment.parent_id:
            path.pop()
        if not path:
            problems.append(
                f"comment {comment.pk}: order {comment.order} is outside "
                f"its parent {comment.parent_id}'s replies"
            )
            path = [root]
            continue
        parent = by_id[comment.parent_id]
        if comment.level != parent.level + 1:
            problems.append(f"comment {comment.pk}: level {comment.level}")
        path.append(comment)
    problems.extend(_nested_count_problems(comments, by_id))
    return problems


def _nested_count_problems(comments, by_id):
    descendants = Counter()
    for comment in comments:
        current, seen = comment, {comment.pk}
        # Up the ancestors to the root (its own parent), guarding against loops.
        while current.parent_id != current.pk and current.parent_id not in seen:
            if current.parent_id not in by_id:
                break
            seen.add(current.parent_id)
            current = by_id[current.parent_id]
            descendants[current.pk] += 1
    return [
        f"comment {c.pk}: nested_count {c.nested_count}, "
        f"has {descendants[c.pk]} replies below it"
        for c in comments
        if c.nested_count != descendants[c.pk]
    ]


def all_thread_problems(queryset=None):
    """`thread_problems` for every thread in `queryset` (default: all)."""
    queryset = ReaderComment.objects.all() if queryset is None else queryset
    rows = queryset.only(
        "id", "parent_id", "thread_id", "level", "order", "nested_count"
    ).order_by("thread_id", "order")
    threads = defaultdict(list)
    for comment in rows:
        threads[comment.thread_id].append(comment)
    problems = []
    for thread in threads.values():
        problems.extend(thread_problems(thread))
    return problems
