export {
  createGraphqlClient,
  type GraphqlClient,
  type GraphqlRequest,
  graphqlAll,
  graphqlData,
  graphqlPages,
  type PageRule,
} from './client.js';
