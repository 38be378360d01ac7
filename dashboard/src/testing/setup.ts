// Testing Library's DOM matchers (toBeInTheDocument, toHaveAccessibleName, …) for every component test.
import '@testing-library/jest-dom';
