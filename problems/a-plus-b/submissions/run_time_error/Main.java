public class Main {
    public static void main(String[] args) {
        int[] sums = new int[1];
        System.out.println(sums[2]);  // ArrayIndexOutOfBoundsException: exit code 1
    }
}
