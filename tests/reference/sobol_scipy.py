"""Sobol points from an independent implementation, for src/model/sampling/sobol.rs
(its tests, src/model/sampling/tests.rs): SciPy's unscrambled Sobol sequence
(scipy.stats.qmc.Sobol, scramble=False, bits=32), which uses Joe and Kuo's
new-joe-kuo-6.21201 direction numbers, as this engine does. Writes, for points
at several indices (past 2^12, 2^16 and 2^20, so that every direction number
the recurrence makes up to those bits counts) and each of the engine's 40
dimensions, the coordinate as a 32-bit integer.

    pip install scipy==1.17.1
    python3 tests/reference/sobol_scipy.py > tests/reference/sobol-scipy.csv
"""

import sys

from scipy.stats import qmc

DIMENSIONS = 40
INDICES = [1, 2, 3, 5, 100, 1_000, 4_095, 4_097, 65_535, 65_537, 1_000_003, 1_048_577]

out = sys.stdout
out.write("n,dimension,coordinate\n")
for n in INDICES:
    sobol = qmc.Sobol(d=DIMENSIONS, scramble=False, bits=32)
    sobol.fast_forward(n)
    point = sobol.random(1)[0]
    for d, x in enumerate(point):
        out.write(f"{n},{d},{int(round(x * 2**32))}\n")
