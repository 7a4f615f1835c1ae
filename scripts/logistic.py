"""L2-regularised logistic regression by Newton's method, for the scripts that fit
curation weights on labelled articles (fit_relevance.py, fit_topic_model.py,
fit_story_match.py)."""

from __future__ import annotations

import numpy as np

JITTER = 1e-9
"""Added to the Hessian's diagonal, so that an unpenalised bias over a constant or a
perfectly separating feature still solves."""


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    l2: float,
    *,
    sample_weight: np.ndarray | None = None,
    standardise: bool = False,
    steps: int = 100,
    tolerance: float = 1e-9,
) -> tuple[np.ndarray, float]:
    """The weights on the raw features and the bias. The penalty ``l2`` applies to the
    weights, never to the bias; with ``standardise`` it applies to the weights of the
    features scaled to unit spread (a constant feature is left as it is), so that it does
    not depend on each feature's units. ``sample_weight`` counts each row's loss so many
    times."""
    rows, columns = x.shape
    mean, scale = np.zeros(columns), np.ones(columns)
    if standardise:
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
    design = np.hstack([(x - mean) / scale, np.ones((rows, 1))])
    weight = np.ones(rows) if sample_weight is None else sample_weight
    penalty = np.full(columns + 1, l2)
    penalty[-1] = 0.0
    theta = np.zeros(columns + 1)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = design.T @ (weight * (p - y)) + penalty * theta
        curvature = weight * p * (1 - p)
        hessian = design.T @ (design * curvature[:, None]) + np.diag(penalty + JITTER)
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.abs(step).max() < tolerance:
            break
    coef = theta[:-1] / scale
    return coef, float(theta[-1] - coef @ mean)
