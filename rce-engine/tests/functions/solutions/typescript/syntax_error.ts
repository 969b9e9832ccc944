function twoSum(nums: number[], target: number): number[] {
    const seen = new Map<number, number>();
    const x: number = "three";
    return [];
}
