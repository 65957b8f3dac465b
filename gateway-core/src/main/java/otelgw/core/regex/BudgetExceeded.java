package otelgw.core.regex;

/** Thrown from inside the matcher to stop it; never leaves this package. */
final class BudgetExceeded extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final BudgetExceeded INSTANCE = new BudgetExceeded();

  private BudgetExceeded() {
    super(null, null, false, false);
  }
}
