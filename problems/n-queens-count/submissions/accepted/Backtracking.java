// Row by row; arrays remember which columns and diagonals are taken.
class Solution {
    private int n, count;
    private boolean[] col, diag, anti;

    public int totalNQueens(int n) {
        this.n = n;
        col = new boolean[n];
        diag = new boolean[2 * n];
        anti = new boolean[2 * n];
        count = 0;
        place(0);
        return count;
    }

    private void place(int row) {
        if (row == n) {
            count++;
            return;
        }
        for (int c = 0; c < n; c++) {
            if (col[c] || diag[row - c + n] || anti[row + c]) continue;
            col[c] = diag[row - c + n] = anti[row + c] = true;
            place(row + 1);
            col[c] = diag[row - c + n] = anti[row + c] = false;
        }
    }
}
