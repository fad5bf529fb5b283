"""Writes beta-cdf-mpmath.csv: the regularized incomplete beta I_x(a, b), the
Beta(a, b) CDF, at non-integer shapes, by mpmath at 40 significant digits.

An external reference for src/model/sampling/beta.rs (its tests, src/model/sampling/tests.rs):
the closed forms there cover integer shapes only. The shapes are PERT's
(a + b = 6, the mode anywhere in the range), a shape + 1 as the value of
information's partial expectation uses, and a few beyond.

    python3 tests/reference/beta_cdf_mpmath.py   # mpmath 1.3.0 (Debian's python3-mpmath)
"""
import mpmath

mpmath.mp.dps = 40
SHAPES = [
    (1.2, 4.8), (1.75, 4.25), (2.5, 3.5), (3.6, 2.4), (4.9, 1.1),
    (2.2, 4.8), (4.6, 2.4),
    (0.5, 0.5), (0.7, 2.3), (7.3, 12.9), (20.5, 3.25),
]
XS = ["0.000001", "0.001", "0.01", "0.05", "0.1", "0.25", "0.3333", "0.5",
      "0.6667", "0.75", "0.9", "0.95", "0.99", "0.999"]

with open(__file__.replace("beta_cdf_mpmath.py", "beta-cdf-mpmath.csv"), "w") as out:
    out.write(f"# I_x(a, b) by mpmath {mpmath.__version__} at {mpmath.mp.dps} digits "
              "(tests/reference/beta_cdf_mpmath.py), rounded to 17 significant digits\n")
    out.write("a,b,x,cdf\n")
    for a, b in SHAPES:
        for x in XS:
            v = mpmath.betainc(mpmath.mpf(str(a)), mpmath.mpf(str(b)), 0, mpmath.mpf(x),
                               regularized=True)
            out.write(f"{a},{b},{x},{mpmath.nstr(v, 17, min_fixed=-1, max_fixed=-1)}\n")
