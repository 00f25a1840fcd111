# math constants and classification
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan), math.isfinite(0), math.isnan(0))
print(math.inf > 10 ** 400, math.inf == float('inf'), math.nan == math.nan, type(math.pi).__name__)
print(math.isnan(float('-nan')), math.isinf(1e308 * 10), math.isfinite(2 ** 1000))
