package org.jakartamcp.tools.math;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.fraction.BigFractionField;
import org.hipparchus.linear.Array2DRowFieldMatrix;
import org.hipparchus.linear.ArrayFieldVector;
import org.hipparchus.linear.FieldDecompositionSolver;
import org.hipparchus.linear.FieldLUDecomposition;
import org.hipparchus.linear.FieldMatrix;
import org.hipparchus.linear.FieldVector;
import org.jakartamcp.mcp.spi.ReadableResult;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * Linear algebra in exact rational arithmetic (Hipparchus' LU decomposition over fractions): no
 * rounding error accumulates, and a singular matrix is recognised as singular, not nearly so.
 */
@ApplicationScoped
public class LinearAlgebraTools {

    static final int MAX_SIZE = 20;
    /**
     * Significant digits, and decimal exponent, of an entry: exact fractions grow with every step of the LU
     * decomposition, and a 20 × 20 inverse of 100-digit entries took over 15 s.
     */
    static final int MAX_ENTRY_DIGITS = 20;
    private static final String MATRIX = "A square matrix as a list of rows, at most 20 × 20 numbers of at most 20 digits, "
            + "e.g. [[1, 2], [3, 4]]";

    /** A matrix result, each entry a fraction and a decimal. */
    public record Matrix(@NotNull List<List<ExactNumber>> rows) implements ReadableResult {
        @Override
        public String text() {
            return rows.stream().map(row -> row.stream().map(ExactNumber::fraction).toList().toString()).toList().toString();
        }
    }

    /** A vector result. */
    public record Vector(@NotNull List<ExactNumber> values) implements ReadableResult {
        @Override
        public String text() {
            return values.stream().map(ExactNumber::fraction).toList().toString();
        }
    }

    @Tool(machineCallers = true, title = "Determinant", description = "The exact determinant of a square matrix (as a fraction and a decimal).",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public ExactNumber determinant(@ToolArg(description = MATRIX) @NotNull @Size(min = 1, max = MAX_SIZE) List<List<BigDecimal>> matrix) {
        return ExactNumber.of(new FieldLUDecomposition<>(square(matrix, "matrix")).getDeterminant());
    }

    @Tool(machineCallers = true, title = "Inverse", description = "The exact inverse of a square matrix; a singular matrix is an error.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Matrix inverse(@ToolArg(description = MATRIX) @NotNull @Size(min = 1, max = MAX_SIZE) List<List<BigDecimal>> matrix) {
        return matrix(solver(square(matrix, "matrix")).getInverse());
    }

    @Tool(machineCallers = true, title = "Solve a linear system", description = "The exact solution x of A·x = b for a square, non-singular A.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Vector solve(@ToolArg(description = "A, " + MATRIX) @NotNull @Size(min = 1, max = MAX_SIZE) List<List<BigDecimal>> a,
                        @ToolArg(description = "b, as many numbers as A has rows") @NotNull @Size(min = 1, max = MAX_SIZE) List<BigDecimal> b) {
        FieldMatrix<BigFraction> matrix = square(a, "a");
        if (b.size() != matrix.getRowDimension()) {
            throw new ToolCallException("Argument 'b' has " + b.size() + " numbers; A has " + matrix.getRowDimension() + " rows");
        }
        FieldVector<BigFraction> x = solver(matrix).solve(new ArrayFieldVector<>(BigFractionField.getInstance(),
                b.stream().map(ExactNumber::fraction).toArray(BigFraction[]::new)));
        List<ExactNumber> values = new ArrayList<>();
        for (int i = 0; i < x.getDimension(); i++) {
            values.add(ExactNumber.of(x.getEntry(i)));
        }
        return new Vector(values);
    }

    @Tool(machineCallers = true, name = "matrix_multiply", title = "Matrix product", description = "The exact product A·B of two matrices "
            + "(A's column count must equal B's row count), each at most 20 × 20.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Matrix matrixMultiply(@ToolArg(description = "A, a list of rows of numbers of at most 20 digits") @NotNull @Size(min = 1, max = MAX_SIZE) List<List<BigDecimal>> a,
                                 @ToolArg(description = "B, a list of rows") @NotNull @Size(min = 1, max = MAX_SIZE) List<List<BigDecimal>> b) {
        FieldMatrix<BigFraction> left = rectangular(a, "a");
        FieldMatrix<BigFraction> right = rectangular(b, "b");
        if (left.getColumnDimension() != right.getRowDimension()) {
            throw new ToolCallException("A has " + left.getColumnDimension() + " columns but B has " + right.getRowDimension()
                    + " rows; they must be equal");
        }
        return matrix(left.multiply(right));
    }

    private static FieldDecompositionSolver<BigFraction> solver(FieldMatrix<BigFraction> matrix) {
        FieldDecompositionSolver<BigFraction> solver = new FieldLUDecomposition<>(matrix).getSolver();
        if (!solver.isNonSingular()) {
            throw new ToolCallException("The matrix is singular (its determinant is 0): it has no inverse and A·x = b "
                    + "has no unique solution");
        }
        return solver;
    }

    private static FieldMatrix<BigFraction> square(List<List<BigDecimal>> rows, String name) {
        FieldMatrix<BigFraction> matrix = rectangular(rows, name);
        if (matrix.getRowDimension() != matrix.getColumnDimension()) {
            throw new ToolCallException("Argument '" + name + "' must be square, not " + matrix.getRowDimension() + " × "
                    + matrix.getColumnDimension());
        }
        return matrix;
    }

    private static FieldMatrix<BigFraction> rectangular(List<List<BigDecimal>> rows, String name) {
        int columns = rows.get(0) == null ? 0 : rows.get(0).size();
        if (columns == 0 || columns > MAX_SIZE) {
            throw new ToolCallException("Argument '" + name + "' must have 1 to " + MAX_SIZE + " columns");
        }
        BigFraction[][] entries = new BigFraction[rows.size()][columns];
        for (int i = 0; i < rows.size(); i++) {
            List<BigDecimal> row = rows.get(i);
            if (row == null || row.size() != columns) {
                throw new ToolCallException("Argument '" + name + "': row " + i + " has " + (row == null ? 0 : row.size())
                        + " numbers, row 0 has " + columns);
            }
            for (int j = 0; j < columns; j++) {
                BigDecimal value = row.get(j);
                if (value == null || value.precision() > MAX_ENTRY_DIGITS || Math.abs(value.scale()) > MAX_ENTRY_DIGITS) {
                    throw new ToolCallException("Argument '" + name + "'[" + i + "][" + j + "] must be a number of at most "
                            + MAX_ENTRY_DIGITS + " digits with an exponent of at most " + MAX_ENTRY_DIGITS + " in magnitude");
                }
                entries[i][j] = ExactNumber.fraction(value);
            }
        }
        return new Array2DRowFieldMatrix<>(BigFractionField.getInstance(), entries, false);
    }

    private static Matrix matrix(FieldMatrix<BigFraction> matrix) {
        List<List<ExactNumber>> rows = new ArrayList<>();
        for (int i = 0; i < matrix.getRowDimension(); i++) {
            List<ExactNumber> row = new ArrayList<>();
            for (int j = 0; j < matrix.getColumnDimension(); j++) {
                row.add(ExactNumber.of(matrix.getEntry(i, j)));
            }
            rows.add(row);
        }
        return new Matrix(rows);
    }
}
